import Foundation

/// Reads a workbook back with Python's standard library alone — zipfile and an XML parser,
/// following the SpreadsheetML parts as any reader must (workbook, sheet, shared styles) — so
/// tests check what Excel would see without trusting the writer's own code: every cell as
/// `[type, value, number format]` (`text`, `number` to two places, `date`), the frozen pane, a
/// bold header and the column widths.
public enum WorkbookReader {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func read(_ path: String) throws -> [String: Any] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw Failure(description: "the standard-library reader could not read \(path)")
        }
        return json
    }

    static let script = """
    import json, re, sys, zipfile, datetime
    import xml.etree.ElementTree as ET
    NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
    BUILTIN = {0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 14: 'mm-dd-yy'}
    z = zipfile.ZipFile(sys.argv[1])
    wb = ET.fromstring(z.read('xl/workbook.xml'))
    title = wb.find('m:sheets/m:sheet', NS).get('name')
    st = ET.fromstring(z.read('xl/styles.xml'))
    fmts = dict(BUILTIN)
    for f in st.findall('m:numFmts/m:numFmt', NS): fmts[int(f.get('numFmtId'))] = f.get('formatCode')
    fonts = [f.find('m:b', NS) is not None and f.find('m:b', NS).get('val', '1') not in ('0', 'false') for f in st.findall('m:fonts/m:font', NS)]
    xfs = [(fmts.get(int(x.get('numFmtId', '0')), 'General'), fonts[int(x.get('fontId', '0'))]) for x in st.findall('m:cellXfs/m:xf', NS)]
    ws = ET.fromstring(z.read('xl/worksheets/sheet1.xml'))
    pane = ws.find('m:sheetViews/m:sheetView/m:pane', NS)
    freeze = pane.get('topLeftCell') if pane is not None and pane.get('state') == 'frozen' else None
    def col(ref):
        n = 0
        for ch in re.match('[A-Z]+', ref).group(0): n = n * 26 + ord(ch) - 64
        return n
    def letters(n):
        s = ''
        while n: n, r = divmod(n - 1, 26); s = chr(65 + r) + s
        return s
    widths = {}
    for c in ws.findall('m:cols/m:col', NS):
        for i in range(int(c.get('min')), int(c.get('max')) + 1): widths[letters(i)] = float(c.get('width'))
    rows, bold = [], True
    for r in ws.findall('m:sheetData/m:row', NS):
        cells = {}
        for c in r.findall('m:c', NS):
            fmt, b = xfs[int(c.get('s', '0'))]
            if r.get('r') == '1': bold = bold and b
            t = c.get('t')
            if t == 'inlineStr': cells[col(c.get('r'))] = ['text', ''.join(x.text or '' for x in c.iter('{%s}t' % NS['m']))]
            elif t == 's' or t == 'str': cells[col(c.get('r'))] = ['text', c.find('m:v', NS).text]
            else:
                v = c.find('m:v', NS)
                if v is None: continue
                if 'yy' in fmt: cells[col(c.get('r'))] = ['date', (datetime.date(1899, 12, 30) + datetime.timedelta(days=float(v.text))).strftime('%Y-%m-%d'), fmt]
                else: cells[col(c.get('r'))] = ['number', '%.2f' % float(v.text), fmt]
        width = max(cells) if cells else 0
        rows.append([cells.get(i) for i in range(1, width + 1)])
    n = max(len(r) for r in rows)
    rows = [r + [None] * (n - len(r)) for r in rows]
    print(json.dumps({'title': title, 'freeze': freeze, 'bold': bold, 'rows': rows, 'widths': widths}))
    """
}
