Documents that ask to read local files or reach the network: nothing is fetched or read, the user is told.

% tei-press validate x.xml
<<< x.xml
<?xml version="1.0"?>
<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><p>&xxe;</p></TEI>
>>> 1
x.xml:2:16: error: the entity "xxe" is external (it names a file or URL); TEI Press reads no file or URL a document names, so write its text in the document [security:external-entity]
x.xml:1:1: error: the document was not given to the XML tools: it asks to read files or URLs, or to expand or nest without bound (listed above) [schema:invalid]

% tei-press build page.htm --formats tei,html --out out
<<< page.htm
<!DOCTYPE html SYSTEM "file:///etc/passwd">
<html><head><title>X</title><link rel="stylesheet" href="file:///etc/passwd"></head><body><h1>Title</h1><p>Text here <img src="http://example.com/x.png"></p></body></html>
>>> 0
[1/1] built page.htm → 2 files in out/title/ (2 warnings)
1 input: 1 built, 0 skipped, 0 failed, 2 warnings; corpus index out/index.html
page.htm:2:118: warning: the page has images; they are not carried into the edition (their alt text is kept in the text where given) [html:image]
page.htm:1:1: warning: the language of the text is not known: the page states none and the text is too short to tell; xml:lang="und" — set it in the source (lang) if it matters [language:undetermined]
=== files
out/.tei-press-manifest.json
out/index.html
out/title/title.html
out/title/title.tei.xml
