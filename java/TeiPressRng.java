/*
 * RELAX NG with Jing inside the Saxon-HE engine's JVM (TeiPressXslt): the
 * project schema is compiled once, when the JVM starts; each document is then
 * parsed by the engine's own parser (no DTD or external entity read, entity
 * expansion bounded) and Jing checks its SAX events. Compiled only where
 * Debian's jing.jar is installed; TeiPressXslt loads this class by name, so
 * the engine runs without it (and validation stays with libxml2 in Node).
 */
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.Schema;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.Validator;
import com.thaiopensource.validate.prop.rng.RngProperty;
import com.thaiopensource.validate.rng.SAXSchemaReader;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

public final class TeiPressRng implements TeiPressXslt.RelaxNg {
  private final Schema schema;

  /** Compiles the schema (ours, read once here); a schema error ends the JVM's start with its reason. */
  public TeiPressRng(File file) throws Exception {
    PropertyMapBuilder properties = new PropertyMapBuilder();
    properties.put(ValidateProperty.ERROR_HANDLER, new Collector(null));
    // As the jing command checks by default: ID and IDREF types (a repeated xml:id, say).
    RngProperty.CHECK_ID_IDREF.add(properties);
    schema = SAXSchemaReader.getInstance().createSchema(new InputSource(file.toURI().toString()), properties.toPropertyMap());
  }

  @Override
  public List<TeiPressXslt.Problem> check(XMLReader reader, InputSource document) {
    List<TeiPressXslt.Problem> problems = new ArrayList<>();
    Collector collector = new Collector(problems);
    PropertyMapBuilder properties = new PropertyMapBuilder();
    properties.put(ValidateProperty.ERROR_HANDLER, collector);
    Validator validator = schema.createValidator(properties.toPropertyMap());
    reader.setContentHandler(validator.getContentHandler());
    reader.setDTDHandler(validator.getDTDHandler());
    reader.setErrorHandler(collector);
    try {
      reader.parse(document);
    } catch (SAXParseException parseError) {
      // Reported to the collector already (a document that is not well-formed: nothing after it is checked).
    } catch (Exception error) {
      problems.add(new TeiPressXslt.Problem(true, 0, 0, error.getMessage() == null ? error.toString() : error.getMessage()));
    }
    return problems;
  }

  /** Keeps validity errors; a fatal (well-formedness) error also stops the parse. Without a list, every error is fatal. */
  private static final class Collector implements ErrorHandler {
    private final List<TeiPressXslt.Problem> problems;

    Collector(List<TeiPressXslt.Problem> problems) {
      this.problems = problems;
    }

    @Override
    public void warning(SAXParseException warning) {}

    @Override
    public void error(SAXParseException error) throws SAXException {
      if (problems == null) throw error;
      problems.add(new TeiPressXslt.Problem(false, error.getLineNumber(), error.getColumnNumber(), error.getMessage()));
    }

    @Override
    public void fatalError(SAXParseException error) throws SAXException {
      if (problems != null) problems.add(new TeiPressXslt.Problem(true, error.getLineNumber(), error.getColumnNumber(), error.getMessage()));
      throw error;
    }
  }
}
