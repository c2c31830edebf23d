import Testing
@testable import Domain

@Suite struct MoneyTests {
    @Test func parsesWhatPeopleType() throws {
        #expect(try Money.parse("1234.5") == Money(minorUnits: 123_450))
        #expect(try Money.parse("1,234.50") == Money(minorUnits: 123_450))
        #expect(try Money.parse("-12") == Money(minorUnits: -1200))
        #expect(try Money.parse("¥88") == Money(minorUnits: 8800))
        #expect(try Money.parse(".5") == Money(minorUnits: 50))
    }

    @Test func refusesBadAmounts() {
        for bad in ["", "abc", "1.234", "1.2.3", "12a", "--1", "."] {
            #expect(throws: DomainError.self) { try Money.parse(bad) }
        }
    }

    @Test func formats() {
        #expect(Money(minorUnits: 123_456_789).formatted() == "1,234,567.89")
        #expect(Money(minorUnits: -5).formatted() == "-0.05")
        #expect(Money(minorUnits: 0).description == "0.00")
        #expect(Money(minorUnits: 1_234_567_00).compact == "1.2M")
        #expect(Money(minorUnits: 45_600_00).compact == "45.6k")
        #expect(Money(minorUnits: 9_999_00).compact == "9,999.00")
    }

    @Test func quantities() throws {
        #expect(try Quantity.parse("12.5") == Quantity(thousandths: 12_500))
        #expect(Quantity(thousandths: 12_500).description == "12.5")
        #expect(Quantity(thousandths: 125).description == "0.125")
        #expect(Quantity(units: 3).description == "3")
        #expect(throws: DomainError.self) { try Quantity.parse("-1") }
        #expect(throws: DomainError.self) { try Quantity.parse("1.2345") }
    }
}

@Suite struct LineAmountTests {
    @Test func roundsHalfToEvenPerLine() throws {
        // 1 × 0.025 → 2.5 fen → 2 (even); 3 × 0.005 (0.5 fen each) → 1.5 → 2
        #expect(try LineAmount.compute(quantity: Quantity(thousandths: 2_500), unitPrice: Money(minorUnits: 1)) == Money(minorUnits: 2))
        #expect(try LineAmount.compute(quantity: Quantity(thousandths: 3_500), unitPrice: Money(minorUnits: 1)) == Money(minorUnits: 4))
        #expect(try LineAmount.compute(quantity: Quantity(thousandths: 1_500), unitPrice: Money(minorUnits: 1)) == Money(minorUnits: 2))
        // 7 × 12.99 with 10 % off = 81.837 → 81.84
        #expect(try LineAmount.compute(quantity: Quantity(units: 7), unitPrice: Money(minorUnits: 1299), discountBasisPoints: 1000) == Money(minorUnits: 8184))
        #expect(LineAmount.roundHalfEven(-25, dividedBy: 10) == -2)
        #expect(LineAmount.roundHalfEven(-35, dividedBy: 10) == -4)
    }

    @Test func documentTotalIsSumOfRoundedLines() throws {
        let lines = try [1, 1, 1].map { _ in try LineAmount.compute(quantity: Quantity(thousandths: 1_005), unitPrice: Money(minorUnits: 100)) }
        #expect(LineAmount.total(lines) == Money(minorUnits: 300))  // 100.5 → 100 each, not round(301.5)
    }

    @Test func refusesBadLines() {
        #expect(throws: DomainError("discount must be between 0 % and 100 %", field: "discount")) {
            try LineAmount.compute(quantity: Quantity(units: 1), unitPrice: Money(minorUnits: 100), discountBasisPoints: 10_001)
        }
        #expect(throws: DomainError.self) { try LineAmount.compute(quantity: Quantity(units: -1), unitPrice: Money(minorUnits: 1)) }
        #expect(throws: DomainError.self) { try LineAmount.compute(quantity: Quantity(units: 1), unitPrice: Money(minorUnits: -1)) }
    }

    @Test func hugeLinesDoNotOverflowSilently() throws {
        #expect(throws: DomainError.self) {
            try LineAmount.compute(quantity: Quantity(thousandths: Int64.max / 10), unitPrice: Money(minorUnits: Int64.max / 10))
        }
    }
}

@Suite struct BasisPointsTests {
    @Test func ratiosAndZeroDenominators() {
        #expect(BasisPoints.ratio(1, 3)?.value == 3333)
        #expect(BasisPoints.ratio(2, 3)?.value == 6667)
        #expect(BasisPoints.ratio(5, 0) == nil)
        #expect(BasisPoints.ratio(5, 0).display == "—")
        #expect(BasisPoints(1234).description == "12.3 %")
        #expect(BasisPoints(-50).description == "-0.5 %")
        #expect(BasisPoints.ratio(1, -4)?.value == -2500)
    }
}

@Suite struct QuantityRoundingTests {
    @Test func itemsPerOrderToOneDecimal() {
        #expect(Quantity(thousandths: 57_495).rounded(decimals: 1) == Quantity(thousandths: 57_500))
        #expect(Quantity(thousandths: 57_450).rounded(decimals: 1) == Quantity(thousandths: 57_400))  // half to even
        #expect(Quantity(thousandths: 57_550).rounded(decimals: 1) == Quantity(thousandths: 57_600))
        #expect(Quantity(thousandths: 1_234).rounded(decimals: 3) == Quantity(thousandths: 1_234))
        #expect(Quantity(thousandths: 1_500).rounded(decimals: 0) == Quantity(thousandths: 2_000))
    }
}
