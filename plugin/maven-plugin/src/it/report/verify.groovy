// waymark:report wrote the quarterly business review of the as-of quarter and the dashboard.
def out = new File(basedir, 'target/waymark/report')
def html = new File(out, 'qbr-2027-Q1.html')
assert html.isFile()
assert html.getText('UTF-8').contains('Tiny AI platform roadmap')
assert new File(out, 'qbr-2027-Q1.md').isFile()
assert new File(out, 'dashboard.html').isFile()
def pdf = new File(out, 'qbr-2027-Q1.pdf')
assert pdf.isFile()
assert new String(pdf.bytes, 0, 5, 'ISO-8859-1') == '%PDF-'

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains(':report (default) @ report ---')
assert log.contains('qbr-2027-Q1.html')
assert log.contains('BUILD SUCCESS')
return true
