Wrong command lines: exit 2, one line saying what is wrong, and where to look; nothing is built.

% tei-press build
>>> 2
tei-press: build needs at least one input file or folder
Run "tei-press --help" for usage.

% tei-press build article.txt --formats tei,docx
<<< article.txt
A title
>>> 2
tei-press: unknown format "docx"; choose from tei, epub, html, archive, review, pdf, bag
Run "tei-press --help" for usage.

% tei-press build article.txt --build-date 2026-02-30
<<< article.txt
A title
>>> 2
tei-press: --build-date 2026-02-30 is not a day of the calendar (month 01–12, day within the month)
Run "tei-press --help" for usage.

% tei-press build article.txt --jobs 1e3
<<< article.txt
A title
>>> 2
tei-press: --jobs wants a whole number of at least 1, got "1e3"
Run "tei-press --help" for usage.
