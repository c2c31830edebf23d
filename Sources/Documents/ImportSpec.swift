import Domain

/// The columns an import of one kind reads: field names (also the export's headers, so an
/// export imports back as it is), whether each is required, and the headers other systems and
/// Chinese spreadsheets use for it.
public struct ImportSpec: Sendable {
    public struct Field: Sendable {
        public var name: String
        public var required: Bool
        public var aliases: [String]
        public init(_ name: String, required: Bool = false, _ aliases: [String] = []) { self.name = name; self.required = required; self.aliases = aliases }
    }

    public var kind: String
    public var fields: [Field]

    public static let customers = ImportSpec(kind: "customers", fields: [
        .init("code", required: true, ["客户编码", "客户编号", "编码", "编号", "customer code", "id"]),
        .init("name", required: true, ["客户名称", "名称", "公司名称", "customer", "customer name", "company"]),
        .init("short_name", ["简称", "short name"]), .init("status", ["状态"]),
        .init("owner", ["业务员", "销售", "负责人", "sales rep", "rep", "salesperson"]),
        .init("region", ["区域", "地区"]), .init("industry", ["行业"]), .init("source", ["来源"]), .init("tags", ["标签"]),
        .init("contact_person", ["联系人", "contact"]), .init("phone", ["电话", "手机", "telephone", "mobile"]),
        .init("email", ["邮箱", "电子邮件", "e-mail"]), .init("address", ["地址"]),
        .init("credit_limit", ["信用额度", "credit limit"]), .init("payment_terms_days", ["账期", "账期天数", "payment terms"]),
        .init("next_contact_on", ["下次联系", "next contact"]),
    ])

    public static let contacts = ImportSpec(kind: "contacts", fields: [
        .init("customer", required: true, ["客户", "客户编码", "客户名称", "customer code", "company"]),
        .init("name", required: true, ["姓名", "联系人", "contact", "contact name"]), .init("title", ["职务", "职位", "job title"]),
        .init("mobile", ["手机"]), .init("phone", ["电话"]), .init("email", ["邮箱", "e-mail"]), .init("wechat", ["微信"]), .init("qq", ["QQ"]),
        .init("birthday", ["生日"]), .init("notes", ["备注", "note"]),
    ])

    public static let products = ImportSpec(kind: "products", fields: [
        .init("code", required: true, ["产品编码", "物料编码", "编码", "sku", "item code"]),
        .init("name", required: true, ["产品名称", "品名", "名称", "description", "item"]), .init("unit", ["单位", "uom"]),
        .init("category", ["类别", "分类", "产品类别", "product category"]),
        .init("list_price", required: true, ["售价", "单价", "价格", "price", "sales price"]), .init("cost_price", ["成本", "成本价", "cost"]),
        .init("active", ["启用", "有效"]),
    ])

    public static let suppliers = ImportSpec(kind: "suppliers", fields: [
        .init("code", required: true, ["供应商编码", "编码", "编号", "supplier code"]),
        .init("name", required: true, ["供应商名称", "名称", "supplier", "supplier name"]),
        .init("contact_person", ["联系人", "contact"]), .init("phone", ["电话"]), .init("email", ["邮箱", "e-mail"]), .init("address", ["地址"]),
        .init("payment_terms_days", ["账期", "payment terms"]),
    ])

    /// Opening receivables: invoices customers still owe, with the old system's numbers.
    public static let receivables = ImportSpec(kind: "receivables", fields: [
        .init("number", required: true, ["单号", "发票号", "单据号", "invoice", "invoice no", "document"]),
        .init("customer", required: true, ["客户", "客户编码", "客户名称", "customer code"]),
        .init("doc_date", required: true, ["日期", "单据日期", "开票日期", "date", "invoice date"]),
        .init("due_date", ["到期日", "应收日期", "due", "due date"]),
        .init("amount", required: true, ["未收金额", "余额", "金额", "open amount", "balance", "outstanding"]),
    ])

    /// Opening payables: invoices the firm still owes its suppliers.
    public static let payables = ImportSpec(kind: "payables", fields: [
        .init("number", required: true, ["单号", "发票号", "单据号", "invoice", "invoice no", "document"]),
        .init("supplier", required: true, ["供应商", "供应商编码", "供应商名称", "supplier code"]),
        .init("doc_date", required: true, ["日期", "单据日期", "date", "invoice date"]),
        .init("due_date", ["到期日", "应付日期", "due", "due date"]),
        .init("amount", required: true, ["未付金额", "余额", "金额", "open amount", "balance", "outstanding"]),
    ])

    /// Users (the reps, typically): Rapport issues each a first password.
    public static let users = ImportSpec(kind: "users", fields: [
        .init("login", required: true, ["登录名", "账号", "用户名", "username", "user"]),
        .init("display_name", ["姓名", "名字", "name", "full name"]),
        .init("role", required: true, ["角色", "岗位", "职位"]),
        .init("active", ["启用", "有效"]),
    ])

    public static let warehouses = ImportSpec(kind: "warehouses", fields: [
        .init("code", required: true, ["仓库编码", "编码", "warehouse code"]),
        .init("name", required: true, ["仓库名称", "仓库", "名称", "warehouse"]),
    ])

    /// Opening stock: what lies in each warehouse on the first day, and when to reorder.
    public static let stock = ImportSpec(kind: "stock", fields: [
        .init("product", required: true, ["产品", "产品编码", "物料编码", "品名", "sku", "item"]),
        .init("warehouse", required: true, ["仓库", "仓库编码", "location"]),
        .init("quantity", required: true, ["数量", "库存", "库存数量", "on hand", "qty"]),
        .init("reorder_level", ["安全库存", "最低库存", "reorder level", "min"]),
    ])

    /// Historical sales orders: one row per order (joined to its lines by `number`).
    public static let salesOrders = ImportSpec(kind: "sales-orders", fields: [
        .init("number", required: true, ["订单号", "单号", "订单编号", "order", "order no", "order number"]),
        .init("customer", required: true, ["客户", "客户编码", "客户名称", "customer code"]),
        .init("order_date", required: true, ["订单日期", "日期", "date", "order date"]),
        .init("due_date", ["交货日期", "交期", "delivery date", "due"]),
        .init("rep", ["业务员", "销售", "salesperson", "owner"]),
        .init("warehouse", ["仓库", "发货仓库"]),
        .init("shipped_on", ["发货日期", "出库日期", "ship date", "shipped"]),
        .init("note", ["备注", "客户订单号", "po"]),
    ])

    /// The lines of historical sales orders, by the order's number.
    public static let salesOrderLines = ImportSpec(kind: "sales-order-lines", fields: [
        .init("number", required: true, ["订单号", "单号", "订单编号", "order", "order no", "order number"]),
        .init("product", required: true, ["产品", "产品编码", "物料编码", "品名", "sku", "item"]),
        .init("quantity", required: true, ["数量", "qty"]),
        .init("unit_price", ["单价", "价格", "price"]),
        .init("discount", ["折扣", "折扣率", "discount %"]),
    ])

    /// Past expenses: what the firm paid, by category and item; numbered `EX-` unless the file
    /// gives a number.
    public static let expenses = ImportSpec(kind: "expenses", fields: [
        .init("number", ["单号", "凭证号", "费用单号", "number", "no"]),
        .init("date", required: true, ["日期", "费用日期", "支付日期", "expense date", "paid on"]),
        .init("category", required: true, ["类别", "费用类别", "科目", "type"]),
        .init("item", required: true, ["项目", "费用项目", "摘要", "description"]),
        .init("amount", required: true, ["金额", "费用金额", "total"]),
        .init("method", ["付款方式", "支付方式", "payment method", "paid by"]),
        .init("rep", ["业务员", "员工", "登录名", "employee", "salesperson"]),
        .init("note", ["备注", "说明", "memo", "remark"]),
    ])

    /// Past receipts: what customers paid, numbered `RC-` unless the file gives a number.
    public static let receipts = ImportSpec(kind: "receipts", fields: [
        .init("number", ["单号", "收款单号", "凭证号", "receipt", "receipt no", "no"]),
        .init("customer", required: true, ["客户", "客户编码", "客户名称", "customer code"]),
        .init("date", required: true, ["日期", "收款日期", "到账日期", "receipt date", "received on"]),
        .init("amount", required: true, ["金额", "收款金额", "total"]),
        .init("method", ["收款方式", "付款方式", "支付方式", "payment method"]),
        .init("reference", ["参考号", "流水号", "支票号", "交易号", "ref"]),
        .init("note", ["备注", "说明", "memo", "remark"]),
    ])

    /// Which receivables each past receipt paid: the receipt's number (as in the receipts
    /// file), the receivable's number and the amount.
    public static let receiptAllocations = ImportSpec(kind: "receipt-allocations", fields: [
        .init("receipt", required: true, ["收款单号", "收款单", "receipt no", "receipt number"]),
        .init("receivable", required: true, ["发票号", "应收单号", "单号", "invoice", "invoice no"]),
        .init("amount", required: true, ["核销金额", "金额", "allocated", "amount allocated"]),
    ])

    public static let all: [String: ImportSpec] = [
        "users": users, "warehouses": warehouses, "stock": stock, "sales-orders": salesOrders,
        "customers": customers, "contacts": contacts, "products": products, "suppliers": suppliers,
        "receivables": receivables, "payables": payables, "expenses": expenses,
        "receipts": receipts,
    ]
}

/// A CSV file seen through an import spec: which column holds each field.
public struct MappedTable: Sendable {
    public let header: [String]
    public let columns: [String: Int]

    public static func map(_ table: CSV.Table, spec: ImportSpec, mapping: String?) throws(ImportErrors) -> MappedTable {
        try map(header: table.header, spec: spec, mapping: mapping)
    }

    /// Headers are matched to fields by name or alias (case and spaces ignored); `--map
    /// "Their Column=field,…"` names the rest. A required field without a column, an unknown
    /// field in the map, a column the map names that is not in the file, or two columns for one
    /// field is an error before any row is read.
    public static func map(header: [String], spec: ImportSpec, mapping: String?) throws(ImportErrors) -> MappedTable {
        func norm(_ s: String) -> String { s.lowercased().filter { !$0.isWhitespace && $0 != "_" } }
        var problems: [ImportProblem] = []
        var columns: [String: Int] = [:]
        var explicit: [String: String] = [:]
        for pair in (mapping ?? "").split(separator: ",") where !String(pair).trimmingSpaces().isEmpty {
            let kv = pair.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces() }
            guard kv.count == 2, !kv[0].isEmpty, !kv[1].isEmpty else {
                problems.append(ImportProblem(line: 0, column: String(pair), value: "", message: "--map takes \"Their Column=field\" pairs separated by commas")); continue
            }
            guard spec.fields.contains(where: { $0.name == kv[1] }) else {
                problems.append(ImportProblem(line: 0, column: kv[0], value: kv[1], message: "'\(kv[1])' is not a field of \(spec.kind) (\(spec.fields.map(\.name).joined(separator: ", ")))")); continue
            }
            explicit[norm(kv[0])] = kv[1]
            if !header.contains(where: { norm($0) == norm(kv[0]) }) {
                problems.append(ImportProblem(line: 0, column: kv[0], value: "", message: "--map names a column the file does not have (its columns: \(header.joined(separator: ", ")))"))
            }
        }
        for (i, h) in header.enumerated() {
            let n = norm(h)
            let field = explicit[n] ?? spec.fields.first { norm($0.name) == n }?.name ?? spec.fields.first { $0.aliases.contains { norm($0) == n } }?.name
            guard let field else { continue }
            if let other = columns[field], explicit[n] == nil {
                problems.append(ImportProblem(line: 0, column: h, value: "", message: "both '\(header[other])' and '\(h)' read as \(field); name one with --map"))
                continue
            }
            columns[field] = i
        }
        for f in spec.fields where f.required && columns[f.name] == nil {
            problems.append(ImportProblem(line: 0, column: f.name, value: "", message: "required column missing (the file has: \(header.joined(separator: ", ")); use --map \"Their Column=\(f.name)\")"))
        }
        if !problems.isEmpty { throw ImportErrors(problems: problems) }
        return MappedTable(header: header, columns: columns)
    }

    /// The field's value in a record, trimmed; empty when the file has no such column or the
    /// record is short.
    public func value(_ field: String, in fields: [String]) -> String {
        guard let i = columns[field], i < fields.count else { return "" }
        return fields[i].trimmingSpaces()
    }

    /// A record with more or fewer fields than the header: an error naming the row.
    public func shapeProblem(line: Int, fields: [String]) -> ImportProblem? {
        guard fields.count != header.count else { return nil }
        return ImportProblem(line: line, column: "(row)", value: fields.joined(separator: ","),
                             message: "has \(fields.count) fields, the header has \(header.count)")
    }
}

public struct ImportErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [ImportProblem]
    public init(problems: [ImportProblem]) { self.problems = problems }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// The rejects file of `--skip-bad-rows`: each refused row as it was, with its row number and
/// the reasons, so it can be fixed and imported again.
public enum RejectsFile {
    /// The file read again, a record at a time, keeping the rows that have problems.
    public static func write(rereading path: String, encoding: String, problems: [ImportProblem], to target: String) throws(DocumentError) -> String {
        var byLine: [Int: [ImportProblem]] = [:]
        for p in problems { byLine[p.line, default: []].append(p) }
        let reader = try CSV.Reader(path: path, encoding: encoding)
        var rows: [[Sheet.Value]] = []
        while let r = try reader.next() {
            guard let mine = byLine[r.line] else { continue }
            let reasons = mine.map { "\($0.column) '\($0.value)': \($0.message)" }.joined(separator: "; ")
            rows.append([.integer(Int64(r.line)), .text(reasons)] + r.fields.map { .text($0) })
        }
        let sheet = Sheet(name: "rejects", columns: [.init("row"), .init("reason")] + reader.header.map { .init($0) }, rows: rows)
        return try CSV.write(sheet, to: target)
    }
}
