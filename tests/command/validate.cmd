Validation names the file, line and column of each problem, with its rule id, and exits 1.

% tei-press validate bad.xml
<<< bad.xml
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader>
<fileDesc></teiHeader></TEI>
>>> 1
bad.xml:2:11: error: not well-formed XML: Expected closing tag 'fileDesc' (opened in line 2, col 1) instead of closing tag 'teiHeader'. [schema:well-formed]
bad.xml:1:1: error: the document is not well-formed XML; nothing more was checked [schema:invalid]
