/// The templates Rapport ships: generated once, then kept here as the defaults that
/// `rapport templates copy NAME` writes out for a user to change.
enum BundledTemplates {
    static let all: [String: String] = [
        "alignment.txt": #"""
{{! Rapport: alignment test page. Print it on the form; move the paper until the ruler's columns and line numbers fall in the form's boxes. }}
page_length = 33
width = 80
--- header
{{left60(company.name)}} 对齐测试 ALIGNMENT
--- body
{{#rows}}
{{no}}{{ruler}}
{{/rows}}
"""#,
        "order.html": #"""
<!DOCTYPE html>
<!-- Rapport: order as HTML (open in a browser to print or save as PDF). -->
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>{{title}} {{number}}</title>
  <style>
    body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; margin: 2em; }
    h1 { font-size: 1.4em; margin: 0 0 .2em; }
    dl { display: grid; grid-template-columns: max-content auto; gap: .2em 1em; }
    dt { color: #555; } dd { margin: 0; }
    table { border-collapse: collapse; width: 100%; margin-top: 1em; }
    th, td { border-bottom: 1px solid #ccc; padding: .3em .5em; text-align: left; }
    .n { text-align: right; font-variant-numeric: tabular-nums; }
    .total { text-align: right; font-weight: bold; }
    @page { size: A4; margin: 15mm; }
  </style>
</head>
<body>
  <header>
    <h1>{{company.name}}</h1>
    <div>{{company.address}} {{company.phone}}</div>
    <h2>{{title}}</h2>
  </header>
  <dl>
    <dt>单号 No.</dt><dd>{{number}}</dd>
    <dt>日期 Date</dt><dd>{{date}}</dd>
    <dt>交货 Delivery</dt><dd>{{delivery_date}}</dd>
    <dt>客户 To</dt><dd>{{customer.name}} ({{customer.code}})<br>{{customer.address}}<br>{{customer.contact}} {{customer.phone}}</dd>
  </dl>
  <table>
    <thead><tr><th>#</th><th>编码 Code</th><th>品名 Product</th><th class="n">数量 Qty</th><th>单位 Unit</th><th class="n">单价 Price</th><th class="n">折扣 Disc.</th><th class="n">金额 Amount</th></tr></thead>
    <tbody>
{{#lines}}
      <tr><td>{{no}}</td><td>{{code}}</td><td>{{name}}</td><td class="n">{{quantity}}</td><td>{{unit}}</td><td class="n">{{unit_price}}</td><td class="n">{{discount}}</td><td class="n">{{amount}}</td></tr>
{{/lines}}
    </tbody>
  </table>
  <p class="total">合计 Total {{currency}} {{total}}<br>大写 In words: {{total_in_chinese}}</p>
{{#note}}
  <p>备注 Note: {{note}}</p>
{{/note}}
  <footer><p>{{owner}} · {{printed_on}}</p></footer>
</body>
</html>
"""#,
        "order.txt": #"""
{{! Rapport: order for an 80-column fixed-pitch printer. Copy with `rapport templates copy order.txt`. }}
page_length = 33   # lines per form; 0 prints one long page
width = 80         # longer lines are cut so the form keeps its columns
copies = 1         # lp -n; multi-part forms need 1
form_feed = false  # false: pad each page with blank lines to page_length
--- header
{{center79(company.name)}}
{{center79(company.address)}}
{{center79(title)}}
单号 No. {{left18(number)}} 日期 Date {{left10(date)}} 交货 Delivery {{delivery_date}}
客户 To {{left44(customer.name)}} 电话 Tel {{customer.phone}}
联系人 Attn {{left20(customer.contact)}} 报价单 Quote {{reference}}
                                                                  第 {{page}}/{{pages}} 页
 序 编码      品名 Product            数量 单位        单价   折扣  金额 Amount
-------------------------------------------------------------------------------
--- body
{{#lines}}
{{right3(no)}} {{left9(code)}} {{left20(name)}} {{right7(quantity)}} {{left4(unit)}} {{right11(unit_price)}} {{right6(discount)}} {{right12(amount)}}
{{/lines}}
-------------------------------------------------------------------------------
                                                    合计 Total {{left4(currency)}}{{right12(total)}}
大写 In words: {{total_in_chinese}}
{{#note}}
备注 Note: {{note}}
{{/note}}
--- footer
-------------------------------------------------------------------------------
制单 Prepared by: {{left20(owner)}} 签收 Received by:
"""#,
        "purchase-order.html": #"""
<!DOCTYPE html>
<!-- Rapport: purchase-order as HTML (open in a browser to print or save as PDF). -->
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>{{title}} {{number}}</title>
  <style>
    body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; margin: 2em; }
    h1 { font-size: 1.4em; margin: 0 0 .2em; }
    dl { display: grid; grid-template-columns: max-content auto; gap: .2em 1em; }
    dt { color: #555; } dd { margin: 0; }
    table { border-collapse: collapse; width: 100%; margin-top: 1em; }
    th, td { border-bottom: 1px solid #ccc; padding: .3em .5em; text-align: left; }
    .n { text-align: right; font-variant-numeric: tabular-nums; }
    .total { text-align: right; font-weight: bold; }
    @page { size: A4; margin: 15mm; }
  </style>
</head>
<body>
  <header>
    <h1>{{company.name}}</h1>
    <div>{{company.address}} {{company.phone}}</div>
    <h2>{{title}}</h2>
  </header>
  <dl>
    <dt>单号 No.</dt><dd>{{number}}</dd>
    <dt>日期 Date</dt><dd>{{date}}</dd>
    <dt>到货 Expected</dt><dd>{{expected_date}}</dd>
    <dt>供应商 To</dt><dd>{{supplier.name}} ({{supplier.code}})<br>{{supplier.address}}<br>{{supplier.contact}} {{supplier.phone}}</dd>
  </dl>
  <table>
    <thead><tr><th>#</th><th>编码 Code</th><th>品名 Product</th><th class="n">数量 Qty</th><th>单位 Unit</th><th class="n">单价 Price</th><th class="n">折扣 Disc.</th><th class="n">金额 Amount</th></tr></thead>
    <tbody>
{{#lines}}
      <tr><td>{{no}}</td><td>{{code}}</td><td>{{name}}</td><td class="n">{{quantity}}</td><td>{{unit}}</td><td class="n">{{unit_price}}</td><td class="n">{{discount}}</td><td class="n">{{amount}}</td></tr>
{{/lines}}
    </tbody>
  </table>
  <p class="total">合计 Total {{currency}} {{total}}<br>大写 In words: {{total_in_chinese}}</p>
{{#note}}
  <p>备注 Note: {{note}}</p>
{{/note}}
  <footer><p>{{owner}} · {{printed_on}}</p></footer>
</body>
</html>
"""#,
        "purchase-order.txt": #"""
{{! Rapport: purchase-order for an 80-column fixed-pitch printer. Copy with `rapport templates copy purchase-order.txt`. }}
page_length = 33   # lines per form; 0 prints one long page
width = 80         # longer lines are cut so the form keeps its columns
copies = 1         # lp -n; multi-part forms need 1
form_feed = false  # false: pad each page with blank lines to page_length
--- header
{{center79(company.name)}}
{{center79(company.address)}}
{{center79(title)}}
单号 No. {{left18(number)}} 日期 Date {{left10(date)}} 到货 Expected {{expected_date}}
供应商 To {{left44(supplier.name)}} 电话 Tel {{supplier.phone}}
联系人 Attn {{left20(supplier.contact)}} 采购员 Buyer {{owner}}
                                                                  第 {{page}}/{{pages}} 页
 序 编码      品名 Product            数量 单位        单价   折扣  金额 Amount
-------------------------------------------------------------------------------
--- body
{{#lines}}
{{right3(no)}} {{left9(code)}} {{left20(name)}} {{right7(quantity)}} {{left4(unit)}} {{right11(unit_price)}} {{right6(discount)}} {{right12(amount)}}
{{/lines}}
-------------------------------------------------------------------------------
                                                    合计 Total {{left4(currency)}}{{right12(total)}}
大写 In words: {{total_in_chinese}}
{{#note}}
备注 Note: {{note}}
{{/note}}
--- footer
-------------------------------------------------------------------------------
制单 Prepared by: {{left20(owner)}} 签收 Received by:
"""#,
        "quote.html": #"""
<!DOCTYPE html>
<!-- Rapport: quote as HTML (open in a browser to print or save as PDF). -->
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>{{title}} {{number}}</title>
  <style>
    body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; margin: 2em; }
    h1 { font-size: 1.4em; margin: 0 0 .2em; }
    dl { display: grid; grid-template-columns: max-content auto; gap: .2em 1em; }
    dt { color: #555; } dd { margin: 0; }
    table { border-collapse: collapse; width: 100%; margin-top: 1em; }
    th, td { border-bottom: 1px solid #ccc; padding: .3em .5em; text-align: left; }
    .n { text-align: right; font-variant-numeric: tabular-nums; }
    .total { text-align: right; font-weight: bold; }
    @page { size: A4; margin: 15mm; }
  </style>
</head>
<body>
  <header>
    <h1>{{company.name}}</h1>
    <div>{{company.address}} {{company.phone}}</div>
    <h2>{{title}}</h2>
  </header>
  <dl>
    <dt>单号 No.</dt><dd>{{number}}</dd>
    <dt>日期 Date</dt><dd>{{date}}</dd>
    <dt>有效期至 Valid until</dt><dd>{{valid_until}}</dd>
    <dt>客户 To</dt><dd>{{customer.name}} ({{customer.code}})<br>{{customer.address}}<br>{{customer.contact}} {{customer.phone}}</dd>
  </dl>
  <table>
    <thead><tr><th>#</th><th>编码 Code</th><th>品名 Product</th><th class="n">数量 Qty</th><th>单位 Unit</th><th class="n">单价 Price</th><th class="n">折扣 Disc.</th><th class="n">金额 Amount</th></tr></thead>
    <tbody>
{{#lines}}
      <tr><td>{{no}}</td><td>{{code}}</td><td>{{name}}</td><td class="n">{{quantity}}</td><td>{{unit}}</td><td class="n">{{unit_price}}</td><td class="n">{{discount}}</td><td class="n">{{amount}}</td></tr>
{{/lines}}
    </tbody>
  </table>
  <p class="total">合计 Total {{currency}} {{total}}<br>大写 In words: {{total_in_chinese}}</p>
{{#note}}
  <p>备注 Note: {{note}}</p>
{{/note}}
  <footer><p>{{owner}} · {{printed_on}}</p></footer>
</body>
</html>
"""#,
        "quote.txt": #"""
{{! Rapport: quote for an 80-column fixed-pitch printer. Copy with `rapport templates copy quote.txt`. }}
page_length = 33   # lines per form; 0 prints one long page
width = 80         # longer lines are cut so the form keeps its columns
copies = 1         # lp -n; multi-part forms need 1
form_feed = false  # false: pad each page with blank lines to page_length
--- header
{{center79(company.name)}}
{{center79(company.address)}}
{{center79(title)}}
单号 No. {{left18(number)}} 日期 Date {{left10(date)}} 有效期至 Valid {{valid_until}}
客户 To {{left44(customer.name)}} 电话 Tel {{customer.phone}}
联系人 Attn {{left20(customer.contact)}} 业务员 Rep {{owner}}
                                                                  第 {{page}}/{{pages}} 页
 序 编码      品名 Product            数量 单位        单价   折扣  金额 Amount
-------------------------------------------------------------------------------
--- body
{{#lines}}
{{right3(no)}} {{left9(code)}} {{left20(name)}} {{right7(quantity)}} {{left4(unit)}} {{right11(unit_price)}} {{right6(discount)}} {{right12(amount)}}
{{/lines}}
-------------------------------------------------------------------------------
                                                    合计 Total {{left4(currency)}}{{right12(total)}}
大写 In words: {{total_in_chinese}}
{{#note}}
备注 Note: {{note}}
{{/note}}
--- footer
-------------------------------------------------------------------------------
制单 Prepared by: {{left20(owner)}} 签收 Received by:
"""#,
        "shipment.html": #"""
<!DOCTYPE html>
<!-- Rapport: shipment as HTML (open in a browser to print or save as PDF). -->
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>{{title}} {{number}}</title>
  <style>
    body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; margin: 2em; }
    h1 { font-size: 1.4em; margin: 0 0 .2em; }
    dl { display: grid; grid-template-columns: max-content auto; gap: .2em 1em; }
    dt { color: #555; } dd { margin: 0; }
    table { border-collapse: collapse; width: 100%; margin-top: 1em; }
    th, td { border-bottom: 1px solid #ccc; padding: .3em .5em; text-align: left; }
    .n { text-align: right; font-variant-numeric: tabular-nums; }
    .total { text-align: right; font-weight: bold; }
    @page { size: A4; margin: 15mm; }
  </style>
</head>
<body>
  <header>
    <h1>{{company.name}}</h1>
    <div>{{company.address}} {{company.phone}}</div>
    <h2>{{title}}</h2>
  </header>
  <dl>
    <dt>单号 No.</dt><dd>{{number}}</dd>
    <dt>日期 Date</dt><dd>{{date}}</dd>
    <dt>仓库 Warehouse</dt><dd>{{warehouse}}</dd><dt>订单 Order</dt><dd>{{reference}}</dd>
    <dt>客户 To</dt><dd>{{customer.name}} ({{customer.code}})<br>{{customer.address}}<br>{{customer.contact}} {{customer.phone}}</dd>
  </dl>
  <table>
    <thead><tr><th>#</th><th>编码 Code</th><th>品名 Product</th><th class="n">订购 Ordered</th><th class="n">发货 Shipped</th><th>单位 Unit</th></tr></thead>
    <tbody>
{{#lines}}
      <tr><td>{{no}}</td><td>{{code}}</td><td>{{name}}</td><td class="n">{{ordered}}</td><td class="n">{{quantity}}</td><td>{{unit}}</td></tr>
{{/lines}}
    </tbody>
  </table>
{{#note}}
  <p>备注 Note: {{note}}</p>
{{/note}}
  <footer><p>{{owner}} · {{printed_on}}</p></footer>
</body>
</html>
"""#,
        "shipment.txt": #"""
{{! Rapport: shipment note for multi-part dot-matrix forms (white: file, red: customer, yellow: warehouse). }}
page_length = 33
width = 80
copies = 1
form_feed = false
--- header
{{center79(company.name)}}
{{center79(title)}}
单号 No. {{left18(number)}} 发货日期 Date {{left10(date)}} 订单 Order {{reference}}
客户 To {{left44(customer.name)}} 电话 Tel {{customer.phone}}
地址 Address {{left66(customer.address)}}
仓库 Warehouse {{left30(warehouse)}}                     第 {{page}}/{{pages}} 页
 序 编码         品名 Product                        订购   本次发货 单位
-------------------------------------------------------------------------------
--- body
{{#lines}}
{{right3(no)}} {{left12(code)}} {{left30(name)}} {{right9(ordered)}} {{right10(quantity)}} {{left6(unit)}}
{{/lines}}
-------------------------------------------------------------------------------
{{#note}}
备注 Note: {{note}}
{{/note}}
--- footer
-------------------------------------------------------------------------------
发货 Shipped by: {{left20(owner)}} 收货人签字 Received by:          日期 Date:
"""#,
    ]
}
