A short plain-text article builds into its own folder; what could not be read is said, not guessed.

% tei-press build art.txt --formats tei --out out
<<< art.txt
On the war

By A. Writer

The war began in 1941 in Moscow.
>>> 0
[1/1] built art.txt → 1 files in out/on-the-war/ (1 warning)
1 input: 1 built, 0 skipped, 0 failed, 1 warning; corpus index out/index.html
art.txt:1:1: warning: the language of the text is not known: the page states none and the text is too short to tell; xml:lang="und" — set it in the source (lang) if it matters [language:undetermined]
=== files
out/.tei-press-manifest.json
out/index.html
out/on-the-war/on-the-war.tei.xml
