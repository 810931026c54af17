/*
 * The Saxon-HE engine of TEI Press (pipeline/xslt-engine/saxon-he.ts): one
 * long-lived JVM that compiles the stylesheets once and then serves
 * transforms over stdin/stdout, so that a batch pays Java's start-up and the
 * compilation once per worker, not once per document.
 *
 * Usage: java -cp build/java:Saxon-HE.jar[:jing.jar] TeiPressXslt [--relaxng=SCHEMA.rng] NAME=FILE.xsl ...
 * With --relaxng (and jing.jar, and TeiPressRng compiled) it also checks
 * documents against that RELAX NG schema with Jing (TeiPressRng).
 *
 * Protocol (all integers 4-byte big-endian, strings an integer byte length
 * then UTF-8):
 *   request:  string op; string stylesheet NAME; int parameter count, each:
 *             string name, int value count, the strings; string document.
 *             op "transform" runs the stylesheet on the document; "relaxng"
 *             checks the document against the schema (NAME and parameters
 *             unused); "transform-relaxng" transforms and checks the principal result.
 *   response: int byte length of the rest; int status (0 ok, 1 error); on error one string, the reason;
 *             on success, for a transform, the principal result, int count of secondary results
 *             each string href (relative to file:///out/) and string text,
 *             int count of xsl:message texts, the strings; then for a check,
 *             int count of problems, each int fatal (1: not well-formed), int line,
 *             int column (0: unknown) and string message.
 * End of input ends the process.
 *
 * A document may not make the engine read a file or reach the network:
 * document(), doc(), unparsed-text(), collection() and external entities or
 * DTDs are refused, as on the SaxonJS side; xsl:result-document only ever
 * writes into the response.
 */
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.Source;
import javax.xml.transform.TransformerException;
import javax.xml.transform.URIResolver;
import javax.xml.transform.sax.SAXSource;
import net.sf.saxon.Configuration;
import net.sf.saxon.lib.UnparsedTextURIResolver;
import net.sf.saxon.s9api.Destination;
import net.sf.saxon.s9api.DocumentBuilder;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.MessageListener2;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.Serializer;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.Xslt30Transformer;
import net.sf.saxon.s9api.XsltCompiler;
import net.sf.saxon.s9api.XsltExecutable;
import net.sf.saxon.trans.XPathException;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

public final class TeiPressXslt {
  /** Where secondary results are said to go; their hrefs are reported relative to it. */
  private static final String BASE_OUTPUT = "file:///out/";

  private static final URIResolver REFUSE_DOCUMENTS = (href, base) -> {
    throw new TransformerException("engine:no-external: a transform may not read " + href + " (document(), doc() and xsl:include are closed to documents)");
  };

  private static final UnparsedTextURIResolver REFUSE_TEXT = (uri, encoding, config) -> {
    throw new XPathException("engine:no-external: a transform may not read " + uri + " (unparsed-text() is closed to documents)");
  };

  private final Processor processor = new Processor(false);
  private final Map<String, XsltExecutable> stylesheets = new HashMap<>();
  private final SAXParserFactory parsers = SAXParserFactory.newInstance();
  /** The RELAX NG schema's checker (TeiPressRng), or null when the JVM was started without one. */
  private final RelaxNg relaxNg;

  /** A problem a RELAX NG check found: `fatal` when the document is not well-formed; line and column 0 when unknown. */
  record Problem(boolean fatal, int line, int column, String message) {}

  /** Checks a document's SAX events against a compiled schema (TeiPressRng, with Jing). */
  interface RelaxNg {
    List<Problem> check(XMLReader reader, InputSource document);
  }

  private TeiPressXslt(Map<String, File> files, File schema) throws Exception {
    Configuration config = processor.getUnderlyingConfiguration();
    // document() of a file that cannot be read is an error, not an empty sequence: a document that asks for one fails.
    config.setRecoveryPolicy(Configuration.DO_NOT_RECOVER);
    config.setCollectionFinder((context, uri) -> {
      throw new XPathException("engine:no-external: a transform may not read the collection " + uri);
    });
    // Documents: namespaces on, no DTD or external entity read; entity expansion bounded.
    parsers.setNamespaceAware(true);
    parsers.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    parsers.setFeature("http://xml.org/sax/features/external-general-entities", false);
    parsers.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    parsers.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    // The stylesheets (their xsl:imports, and the style sheets they read in at compile time with static
    // unparsed-text()) are ours, read once here; only after this are the resolvers closed.
    XsltCompiler compiler = processor.newXsltCompiler();
    for (Map.Entry<String, File> entry : files.entrySet()) {
      stylesheets.put(entry.getKey(), compiler.compile(new javax.xml.transform.stream.StreamSource(entry.getValue())));
    }
    config.setURIResolver(REFUSE_DOCUMENTS);
    config.setUnparsedTextURIResolver(REFUSE_TEXT);
    relaxNg = schema == null ? null : (RelaxNg) Class.forName("TeiPressRng").getConstructor(File.class).newInstance(schema);
  }

  /** A parser for documents: the same for transforms and RELAX NG checks. */
  private XMLReader documentReader() throws Exception {
    XMLReader reader = parsers.newSAXParser().getXMLReader();
    reader.setEntityResolver((publicId, systemId) -> {
      throw new org.xml.sax.SAXException("engine:no-external: a document may not read " + systemId);
    });
    return reader;
  }

  private static InputSource inputOf(String text) {
    InputSource input = new InputSource(new StringReader(text));
    input.setSystemId("file:///in/document.xml");
    return input;
  }

  private SAXSource sourceOf(String text) throws Exception {
    return new SAXSource(documentReader(), inputOf(text));
  }

  /** Checks a document against the RELAX NG schema; the response is written by the caller. */
  private void checkRelaxNg(String text, DataOutputStream out) throws Exception {
    if (relaxNg == null) throw new IllegalStateException("no RELAX NG schema was given at start (--relaxng)");
    List<Problem> problems = relaxNg.check(documentReader(), inputOf(text));
    out.writeInt(problems.size());
    for (Problem problem : problems) {
      out.writeInt(problem.fatal() ? 1 : 0);
      out.writeInt(Math.max(problem.line(), 0));
      out.writeInt(Math.max(problem.column(), 0));
      writeString(out, problem.message());
    }
  }

  /** One transform; the response is written by the caller. Returns the principal result. */
  private String transform(String name, Map<String, List<String>> params, String text, DataOutputStream out) throws Exception {
    XsltExecutable executable = stylesheets.get(name);
    if (executable == null) throw new IllegalArgumentException("no stylesheet named " + name);
    Xslt30Transformer transformer = executable.load30();
    transformer.setURIResolver(REFUSE_DOCUMENTS);
    transformer.getUnderlyingController().setUnparsedTextURIResolver(REFUSE_TEXT);
    transformer.setBaseOutputURI(BASE_OUTPUT);
    Map<QName, XdmValue> values = new HashMap<>();
    for (Map.Entry<String, List<String>> param : params.entrySet()) {
      List<XdmItem> items = new ArrayList<>();
      for (String value : param.getValue()) items.add(new XdmAtomicValue(value));
      values.put(new QName(param.getKey()), param.getValue().size() == 1 ? items.get(0) : new XdmValue(items));
    }
    transformer.setStylesheetParameters(values);
    List<String> messages = new ArrayList<>();
    transformer.setMessageListener((MessageListener2) (content, code, terminate, locator) -> messages.add(content.getStringValue()));
    Map<String, StringWriter> documents = new LinkedHashMap<>();
    transformer.setResultDocumentHandler((URI uri) -> {
      // Java writes file:///out/ as file:/out/: relative to the base, as SaxonJS reports it.
      String href = URI.create(BASE_OUTPUT).relativize(uri).toString();
      StringWriter writer = new StringWriter();
      documents.put(href, writer);
      return processor.newSerializer(writer);
    });
    StringWriter principal = new StringWriter();
    Serializer serializer = transformer.newSerializer(principal);
    // Parsed as the stylesheet strips whitespace, and the global context item too (the Schematron rules' variables read it).
    DocumentBuilder builder = processor.newDocumentBuilder();
    builder.setWhitespaceStrippingPolicy(executable.getWhitespaceStrippingPolicy());
    XdmNode source = builder.build(sourceOf(text));
    transformer.setGlobalContextItem(source);
    transformer.applyTemplates(source, serializer);
    writeString(out, principal.toString());
    out.writeInt(documents.size());
    for (Map.Entry<String, StringWriter> document : documents.entrySet()) {
      writeString(out, document.getKey());
      writeString(out, document.getValue().toString());
    }
    out.writeInt(messages.size());
    for (String message : messages) writeString(out, message);
    return principal.toString();
  }

  private static String readString(DataInputStream in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static void writeString(DataOutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private void serve(DataInputStream in, DataOutputStream out) throws IOException {
    while (true) {
      String op;
      try {
        op = readString(in);
      } catch (EOFException end) {
        return;
      }
      String name = readString(in);
      Map<String, List<String>> params = new LinkedHashMap<>();
      int count = in.readInt();
      for (int i = 0; i < count; i++) {
        String param = readString(in);
        int values = in.readInt();
        List<String> list = new ArrayList<>();
        for (int j = 0; j < values; j++) list.add(readString(in));
        params.put(param, list);
      }
      String text = readString(in);
      // The response is built whole, so that a failure half-way cannot leave half a response.
      java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
      DataOutputStream response = new DataOutputStream(buffer);
      try {
        response.writeInt(0);
        switch (op) {
          case "transform" -> transform(name, params, text, response);
          case "relaxng" -> checkRelaxNg(text, response);
          case "transform-relaxng" -> checkRelaxNg(transform(name, params, text, response), response);
          default -> throw new IllegalArgumentException("unknown request " + op);
        }
      } catch (Exception | StackOverflowError error) {
        buffer.reset();
        response.writeInt(1);
        writeString(response, reason(error));
      }
      response.flush();
      out.writeInt(buffer.size());
      buffer.writeTo(out);
      out.flush();
    }
  }

  /** The error's message and those of its causes, each once. */
  private static String reason(Throwable error) {
    StringBuilder text = new StringBuilder();
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
      if (text.indexOf(message) < 0) text.append(text.length() == 0 ? "" : ": ").append(message);
      if (cause.getCause() == cause) break;
    }
    return text.toString();
  }

  public static void main(String[] args) throws Exception {
    Map<String, File> files = new LinkedHashMap<>();
    File schema = null;
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (arg.startsWith("--relaxng=")) schema = new File(arg.substring(equals + 1));
      else files.put(arg.substring(0, equals), new File(arg.substring(equals + 1)));
    }
    TeiPressXslt engine = new TeiPressXslt(files, schema);
    DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(System.out, 1 << 16));
    // Compiled: say so, so that the first request's time is a transform's.
    out.writeInt(0x7E1A0001);
    out.flush();
    engine.serve(in, out);
  }
}
