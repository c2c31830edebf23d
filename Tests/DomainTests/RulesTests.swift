import Testing
@testable import Domain

@Suite struct AgingTests {
    let d = DateOnly(year: 2026, month: 11, day: 22)!

    @Test func bucketsByDaysOverdue() {
        let b = AgingBuckets.standard
        #expect(b.labels == ["not-due", "1–30", "31–60", "61–90", "91–180", "181+"])
        #expect(b.index(daysOverdue: -5) == 0)
        #expect(b.index(daysOverdue: 0) == 0)
        #expect(b.index(daysOverdue: 1) == 1)
        #expect(b.index(daysOverdue: 30) == 1)
        #expect(b.index(daysOverdue: 31) == 2)
        #expect(b.index(daysOverdue: 180) == 4)
        #expect(b.index(daysOverdue: 181) == 5)
    }

    @Test func openAsOfADateIgnoresLaterReceipts() {
        let item = OpenItem(partyId: 1, documentDate: d.adding(days: -60), dueDate: d.adding(days: -30), amount: Money(minorUnits: 10_000),
                            allocations: [(d.adding(days: -10), Money(minorUnits: 4_000)), (d.adding(days: 5), Money(minorUnits: 6_000))])
        #expect(item.openAmount(asOf: d) == Money(minorUnits: 6_000))
        #expect(item.openAmount(asOf: d.adding(days: 5)) == .zero)
        #expect(item.openAmount(asOf: d.adding(days: -20)) == Money(minorUnits: 10_000))
    }

    @Test func bucketsPlusUnappliedEqualBalance() {
        let items = [
            OpenItem(partyId: 1, documentDate: d.adding(days: -100), dueDate: d.adding(days: -70), amount: Money(minorUnits: 50_000), allocations: []),
            OpenItem(partyId: 1, documentDate: d.adding(days: -5), dueDate: d.adding(days: 25), amount: Money(minorUnits: 20_000), allocations: [(d.adding(days: -1), Money(minorUnits: 5_000))]),
            OpenItem(partyId: 2, documentDate: d.adding(days: -400), dueDate: d.adding(days: -370), amount: Money(minorUnits: 7_777), allocations: []),
            OpenItem(partyId: 2, documentDate: d.adding(days: 3), dueDate: d.adding(days: 33), amount: Money(minorUnits: 1_000), allocations: []),
        ]
        let credits = [
            PartyCredit(partyId: 1, receiptDate: d.adding(days: -1), amount: Money(minorUnits: 8_000), allocations: [(d.adding(days: -1), Money(minorUnits: 5_000))]),
            PartyCredit(partyId: 2, receiptDate: d.adding(days: 2), amount: Money(minorUnits: 999), allocations: []),
        ]
        let rows = Aging.compute(items: items, credits: credits, asOf: d)
        #expect(rows.count == 2)
        #expect(rows[0].buckets == [Money(minorUnits: 15_000), .zero, .zero, Money(minorUnits: 50_000), .zero, .zero])
        #expect(rows[0].unapplied == Money(minorUnits: -3_000))
        #expect(rows[0].balance == Money(minorUnits: 62_000))
        #expect(rows[1].buckets[5] == Money(minorUnits: 7_777))
        #expect(rows[1].unapplied == .zero)  // receipt dated after D does not exist yet
        let total = Aging.total(rows, bucketCount: 6)
        #expect(total.balance == rows[0].balance + rows[1].balance)
    }
}

@Suite struct AllocationTests {
    let d = DateOnly(year: 2026, month: 11, day: 22)!
    func c(_ id: Int64, due: Int, doc: Int, _ n: String, _ open: Int64) -> AllocationCandidate {
        AllocationCandidate(id: id, number: n, documentDate: d.adding(days: doc), dueDate: d.adding(days: due), open: Money(minorUnits: open))
    }

    @Test func oldestDueFirstThenDocumentDateThenNumber() throws {
        let r = try Allocation.oldestFirst(amount: Money(minorUnits: 250), candidates: [
            c(1, due: 0, doc: -30, "SH-3", 100), c(2, due: -10, doc: -40, "SH-2", 100), c(3, due: 0, doc: -30, "SH-1", 100), c(4, due: 0, doc: -35, "SH-9", 100),
        ])
        #expect(r.allocations.map(\.id) == [2, 4, 3])
        #expect(r.allocations.map(\.amount) == [Money(minorUnits: 100), Money(minorUnits: 100), Money(minorUnits: 50)])
        #expect(r.unapplied == .zero)
    }

    @Test func leftoverStaysUnapplied() throws {
        let r = try Allocation.oldestFirst(amount: Money(minorUnits: 500), candidates: [c(1, due: 0, doc: 0, "A", 120)])
        #expect(r.allocations.map(\.amount) == [Money(minorUnits: 120)])
        #expect(r.unapplied == Money(minorUnits: 380))
        #expect(throws: DomainError.self) { try Allocation.oldestFirst(amount: .zero, candidates: []) }
    }

    @Test func manualSplitsAreChecked() throws {
        let cands = [c(1, due: 0, doc: 0, "A", 100), c(2, due: 0, doc: 0, "B", 100)]
        let ok = try Allocation.manual(amount: Money(minorUnits: 150), lines: [(2, Money(minorUnits: 100)), (1, Money(minorUnits: 20))], candidates: cands)
        #expect(ok.unapplied == Money(minorUnits: 30))
        #expect(throws: DomainError.self) { try Allocation.manual(amount: Money(minorUnits: 150), lines: [(1, Money(minorUnits: 101))], candidates: cands) }
        #expect(throws: DomainError.self) { try Allocation.manual(amount: Money(minorUnits: 150), lines: [(1, Money(minorUnits: 100)), (2, Money(minorUnits: 60))], candidates: cands) }
        #expect(throws: DomainError.self) { try Allocation.manual(amount: Money(minorUnits: 150), lines: [(9, Money(minorUnits: 1))], candidates: cands) }
    }

    @Test func creditExposure() {
        let e = CreditExposure(openReceivables: Money(minorUnits: 80_000), unshippedOrders: Money(minorUnits: 30_000), limit: Money(minorUnits: 100_000))
        #expect(e.exposure == Money(minorUnits: 110_000))
        #expect(e.isBreached)
        #expect(!CreditExposure(openReceivables: Money(minorUnits: 1), unshippedOrders: .zero, limit: .zero).isBreached)
    }
}

@Suite struct KPITests {
    @Test func zeroDenominatorsGiveNoFigure() {
        #expect(KPI.averageOrderValue(sales: Money(minorUnits: 100), orders: 0) == nil)
        #expect(KPI.growth(current: Money(minorUnits: 100), previous: .zero) == nil)
        #expect(KPI.closeRate(won: 0, lost: 0) == nil)
        #expect(KPI.dso(openReceivables: Money(minorUnits: 5), revenueLast90Days: .zero) == nil)
        #expect(KPI.csat(scores: []) == nil)
        #expect(KPI.hundredths(nil) == "—")
    }

    @Test func formulas() {
        #expect(KPI.averageOrderValue(sales: Money(minorUnits: 1000), orders: 3) == Money(minorUnits: 333))
        #expect(KPI.growth(current: Money(minorUnits: 150), previous: Money(minorUnits: 100))?.value == 5000)
        #expect(KPI.closeRate(won: 3, lost: 1)?.value == 7500)
        #expect(KPI.weightedPipeline([(Money(minorUnits: 10_000), 2500), (Money(minorUnits: 1_000), 10_000)]) == Money(minorUnits: 3_500))
        #expect(KPI.dso(openReceivables: Money(minorUnits: 50), revenueLast90Days: Money(minorUnits: 90)) == 50)
        #expect(KPI.csat(scores: [5, 4, 3, 1])?.value == 5000)
        #expect(KPI.nps(promoters: 6, detractors: 2, total: 10)?.value == 4000)
        #expect(KPI.commission(base: Money(minorUnits: 12_345), rateBasisPoints: 300) == Money(minorUnits: 370))
        #expect(KPI.itemsPerOrder(quantity: Quantity(units: 10), orders: 4) == Quantity(thousandths: 2_500))
        #expect(KPI.purchaseFrequencyHundredths(orders: 7, customers: 2) == 350)
        #expect(KPI.hundredths(350) == "3.50")
        #expect(KPI.completeness(filledCounts: [10, 5], records: 10)?.value == 7500)
    }
}

@Suite struct ReminderRuleTests {
    @Test func windows() {
        let rules = ReminderRules(today: DateOnly(year: 2026, month: 12, day: 28)!)
        #expect(rules.tomorrow.iso == "2026-12-29")
        #expect(rules.dormantBefore.iso == "2026-09-29")
        #expect(rules.dueWindow.to.iso == "2027-01-04")
        #expect(rules.birthdayMonthDays == ["12-28", "12-29", "12-30", "12-31", "01-01", "01-02", "01-03", "01-04"])
        #expect(rules.daysUntilBirthday(Birthday(month: 1, day: 2, year: 1980)!) == 5)
        #expect(rules.daysUntilBirthday(Birthday(month: 1, day: 2)!) == 5)
        #expect(rules.daysUntilBirthday(Birthday(month: 3, day: 2)!) == nil)
    }

    @Test func eachRoleHasItsKinds() {
        #expect(ReminderKind.kinds(for: .salesRep).contains(.birthday))
        #expect(ReminderKind.kinds(for: .salesAssistant) == [.deliveryDue])
        #expect(ReminderKind.kinds(for: .purchasing).contains(.lowStock))
        #expect(!ReminderKind.kinds(for: .finance).contains(.dormantCustomer))
        let all = Set(Role.allCases.flatMap(ReminderKind.kinds(for:)))
        #expect(all == Set(ReminderKind.allCases))
    }
}

@Suite struct EntityValidationTests {
    let today = DateOnly(year: 2026, month: 11, day: 22)!

    @Test func customersNeedANameAndSaneFields() throws {
        let ok = try Customer(code: " C1 ", name: " 北京华联商厦有限公司 ", phone: "010-6512 3456", email: "Info@BJHL.COM.CN").validated()
        #expect(ok.code == "C1")
        #expect(ok.name == "北京华联商厦有限公司")
        #expect(ok.email == "Info@bjhl.com.cn")
        #expect(throws: DomainError("the customer needs a name", field: "name")) { try Customer(code: "C1", name: "  ").validated() }
        #expect(throws: DomainError("'12ab' is not a phone number", field: "phone")) { try Customer(code: "C1", name: "x", phone: "12ab").validated() }
        #expect(throws: DomainError("'a@b' is not an e-mail address", field: "email")) { try Customer(code: "C1", name: "x", email: "a@b").validated() }
        #expect(throws: DomainError.self) { try Customer(code: "C1", name: "x", creditLimit: Money(minorUnits: -1)).validated() }
        #expect(throws: DomainError.self) { try Customer(code: "C1", name: "x", paymentTermsDays: 400).validated() }
        #expect(throws: DomainError.self) { try Customer(code: "", name: "x").validated() }
    }

    @Test func contactsValidateEachField() throws {
        _ = try Contact(customerId: 1, name: "王伟", mobile: "+86 138 0013 8000", qq: "123456789", birthday: Birthday(month: 3, day: 2, year: 1985)).validated(today: today)
        #expect(throws: DomainError.self) { try Contact(customerId: 1, name: "").validated(today: today) }
        #expect(throws: DomainError.self) { try Contact(customerId: 1, name: "x", qq: "12ab").validated(today: today) }
        let tomorrow = today.adding(days: 1)
        #expect(throws: DomainError.self) { try Contact(customerId: 1, name: "x", birthday: try Birthday.parse(tomorrow.iso)).validated(today: today) }
        _ = try Contact(customerId: 1, name: "x", birthday: try Birthday.parse(tomorrow.monthDay)).validated(today: today)
        #expect(throws: DomainError.self) { try Contact(customerId: 1, name: "x", email: "no at sign").validated(today: today) }
    }

    @Test func completenessCountsKeyFields() {
        let c = Customer(code: "C", name: "n", ownerId: 3, industry: "retail", contactPerson: "王", phone: "13800138000")
        #expect(c.keyFieldsFilled == 4)
    }

    @Test func feedbackScores() throws {
        try FeedbackKind.csat.validate(score: 5)
        try FeedbackKind.nps.validate(score: 0)
        try FeedbackKind.complaint.validate(score: nil)
        #expect(throws: DomainError.self) { try FeedbackKind.csat.validate(score: 0) }
        #expect(throws: DomainError.self) { try FeedbackKind.nps.validate(score: 11) }
        #expect(throws: DomainError.self) { try FeedbackKind.complaint.validate(score: 3) }
        #expect(PaymentMethod.allCases.map(\.rawValue) == ["cash", "bank_transfer", "cheque", "wechat_pay", "alipay", "other"])
    }
}

@Suite struct DuplicateMatchingTests {
    @Test func namesNormaliseAsDomainSays() {
        #expect(DuplicateMatching.normalizeName("北京华联商厦（集团）股份有限公司") == "北京华联商厦")
        #expect(DuplicateMatching.normalizeName("北京华联商厦有限公司") == "北京华联商厦")
        #expect(DuplicateMatching.normalizeName("ＮＯＲＴＨＷＩＮＤ Trading Co., Ltd.") == "northwindtrading")
        #expect(DuplicateMatching.normalizeName("Northwind Trading Ltd.") == "northwindtrading")
        #expect(DuplicateMatching.normalizeName("Alpine Hardware GmbH") == "alpinehardware")
        #expect(DuplicateMatching.normalizeName("Summit Foods, Inc.") == "summitfoods")
        #expect(DuplicateMatching.normalizeName("有限公司") == "有限公司")  // never normalised to nothing
    }

    @Test func phoneAndEmailKeys() {
        #expect(DuplicateMatching.phoneKey("+86 10 6512-3456") == "65123456")
        #expect(DuplicateMatching.phoneKey("010 6512 3456") == "65123456")
        #expect(DuplicateMatching.phoneKey("12345") == nil)
        let k = DuplicateMatching.keys(name: "x", phone: nil, email: " Sales@BJHL.com.cn ")
        #expect(k.email == "sales@bjhl.com.cn")
        #expect(k.emailDomain == "bjhl.com.cn")
        #expect(DuplicateMatching.keys(name: "x", phone: nil, email: "wang@163.com").emailDomain == nil)
    }

    @Test func rulesInOrderOfStrength() {
        let a = DuplicateMatching.keys(name: "北京华联商厦有限公司", phone: "010-65123456", email: "a@bjhl.cn")
        #expect(DuplicateMatching.match(a, DuplicateMatching.keys(name: "北京华联商厦（集团）", phone: nil, email: nil)) == .sameName)
        #expect(DuplicateMatching.match(a, DuplicateMatching.keys(name: "Other", phone: "+86 10 6512 3456", email: nil)) == .samePhone)
        #expect(DuplicateMatching.match(a, DuplicateMatching.keys(name: "Other", phone: nil, email: "A@bjhl.cn")) == .sameEmail)
        #expect(DuplicateMatching.match(a, DuplicateMatching.keys(name: "Other", phone: nil, email: "b@bjhl.cn")) == .sameEmailDomain)
        #expect(DuplicateMatching.match(a, DuplicateMatching.keys(name: "北京华联商厦百货", phone: nil, email: nil)) == .similarName)
        #expect(DuplicateMatching.match(a, DuplicateMatching.keys(name: "上海华联商贸", phone: nil, email: nil)) == nil)
        #expect(DuplicateMatching.match(DuplicateMatching.keys(name: "x", phone: nil, email: "a@qq.com"),
                                        DuplicateMatching.keys(name: "y", phone: nil, email: "b@qq.com")) == nil)
    }

    @Test func similarityIsJaccardOfTrigrams() {
        let a = DuplicateMatching.trigrams("北京华联商厦"), b = DuplicateMatching.trigrams("北京华联商厦百货")
        #expect(a.count == 7 && b.count == 9)
        #expect(DuplicateMatching.similarity(a, b) == 6_000)
        #expect(DuplicateMatching.isSimilar(a, b))
        #expect(!DuplicateMatching.isSimilar(a, DuplicateMatching.trigrams("北京华联商贸")))
        #expect(DuplicateMatching.prefixLength(7) == 3)
        #expect(DuplicateMatching.prefixLength(10) == 5)
    }
}

@Suite struct SearchKeyTests {
    @Test func pinyinInFullAndByInitials() {
        let p = Pinyin.of("北京华联商厦有限公司")
        #expect(p.full == "beijinghualianshangshayouxiangongsi")
        #expect(p.initials == "bjhlssyxgs")
        #expect(Pinyin.of("上海 ABC 3号").initials == "shabc3h")
        // A city whose first character ICU reads by its more common sound.
        #expect(Pinyin.of("佛山市南海五金厂").full.hasPrefix("foshan") && Pinyin.of("蚌埠").full == "bengbu")
    }

    @Test func searchKeyHoldsEveryWayToFindACustomer() {
        let key = SearchKey.make(name: "北京华联商厦有限公司", code: "C000001", phone: "010-6512 3456", email: "Info@BJHL.cn")
        for part in ["北京华联", "c000001", "bjhl", "beijinghualian", "01065123456", "info@bjhl.cn"] {
            #expect(key.contains(part), "\(part) not in \(key)")
        }
        #expect(!SearchKey.make(name: "Northwind Trading Ltd.", code: "C2").contains("  "))
        #expect(SearchKey.normalizeQuery("  BJHL ") == "bjhl")
    }
}

@Suite struct BirthdayTests {
    @Test func aBirthdayWithoutAYearIsThatDayEveryYear() throws {
        let b = try Birthday.parse("05-12")
        #expect(b.year == nil && b.description == "05-12" && b.stored == "0000-05-12" && Birthday(stored: b.stored) == b)
        #expect(try Birthday.parse("5/12") == b && (try Birthday.parse("5月12日")) == b)
        let dated = try Birthday.parse("1980-05-12")
        #expect(dated.year == 1980 && dated.description == "1980-05-12" && Birthday(stored: dated.stored) == dated)
        // Next occurrence across the year end, today included; 29 February in a common year.
        #expect(b.next(from: DateOnly(year: 2026, month: 12, day: 30)!) == DateOnly(year: 2027, month: 5, day: 12))
        #expect(b.next(from: DateOnly(year: 2026, month: 5, day: 12)!) == DateOnly(year: 2026, month: 5, day: 12))
        #expect(try Birthday.parse("02-29").next(from: DateOnly(year: 2026, month: 1, day: 1)!) == DateOnly(year: 2026, month: 2, day: 28))
        for bad in ["13-01", "02-30", "1981-02-29", "abc", ""] { #expect(throws: DomainError.self) { try Birthday.parse(bad) } }
        #expect(dated.isInFuture(DateOnly(year: 1979, month: 1, day: 1)!) && !b.isInFuture(DateOnly(year: 1979, month: 1, day: 1)!))
    }

    @Test func theBirthdayReminderWrapsTheYearEnd() {
        let rules = ReminderRules(today: DateOnly(year: 2026, month: 12, day: 29)!)
        #expect(rules.daysUntilBirthday(Birthday(month: 1, day: 2)!) == 4)
        #expect(rules.daysUntilBirthday(Birthday(month: 12, day: 29)!) == 0)
    }
}

@Suite struct PinyinOrderTests {
    @Test func chineseSortsByPinyinAndEnglishAlphabeticallyAmongIt() {
        let names = ["Cedar Crest", "北京华联商厦", "Bayside Trading", "澳门新濠", "Zenith Ltd", "重庆恒广"]
        let sorted = names.sorted { SearchKey.sortKey(name: $0) < SearchKey.sortKey(name: $1) }
        #expect(sorted == ["澳门新濠", "Bayside Trading", "北京华联商厦", "Cedar Crest", "重庆恒广", "Zenith Ltd"])
    }
}
