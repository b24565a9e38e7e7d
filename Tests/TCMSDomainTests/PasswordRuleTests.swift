import XCTest

@testable import TCMSDomain

final class PasswordRuleTests: XCTestCase {
    func testPasswordWeakWhenShort() {
        XCTAssertEqual(PasswordRule.strength(of: "Ab1!xyz"), .weak)
        XCTAssertEqual(PasswordRule.violations(of: "Ab1!xyz").map(\.reason), ["password_too_short"])
    }

    func testPasswordWeakWithTwoClasses() {
        XCTAssertEqual(PasswordRule.strength(of: "abcdefgh123"), .weak)
        XCTAssertEqual(
            PasswordRule.violations(of: "abcdefgh123").map(\.reason), ["password_too_few_classes"])
        XCTAssertEqual(
            PasswordRule.violations(of: "abc").map(\.reason),
            ["password_too_short", "password_too_few_classes"])
    }

    func testPasswordMediumWithThreeClasses() {
        for password in ["Abcdefg1", "abcdef1!", "ABCDEF1 ", "tcms-000001!"] {
            XCTAssertEqual(PasswordRule.strength(of: password), .medium, password)
            XCTAssertEqual(PasswordRule.violations(of: password), [], password)
        }
    }

    func testPasswordMediumWhenLongButThreeClasses() {
        XCTAssertEqual(PasswordRule.strength(of: "abcdefghijk1!"), .medium)
    }

    func testPasswordStrongWithFourClassesAndTwelveCharacters() {
        XCTAssertEqual(PasswordRule.strength(of: "Abcdefgh12#$"), .strong)
        XCTAssertEqual(PasswordRule.strength(of: "Tcms-000001!"), .strong)
        XCTAssertEqual(PasswordRule.strength(of: "Abcdefg12#$"), .medium)
    }

    func testPasswordNonASCIICountsNoClass() {
        XCTAssertEqual(PasswordRule.classCount(of: "密码密码Ab"), 2)
        XCTAssertEqual(PasswordRule.strength(of: "密码密码密码Ab"), .weak)
        XCTAssertEqual(PasswordRule.classCount(of: "\tAb1"), 3)
    }

    func testPasswordStrengthLabelsAndOrder() {
        XCTAssertEqual(PasswordStrength.allCases.map(\.label), ["弱", "中", "强"])
        XCTAssertLessThan(PasswordStrength.weak, .medium)
        XCTAssertLessThan(PasswordStrength.medium, .strong)
    }

    func testLoginNameRule() {
        for name in ["user", "user000001", "Clerk_Lin", String(repeating: "a", count: 32)] {
            XCTAssertTrue(LoginName.isValid(name), name)
        }
        let invalid = [
            "usr", String(repeating: "a", count: 33), "user-1", "user 1", "用户名字", "user.name",
            "usér", "",
        ]
        for name in invalid {
            XCTAssertFalse(LoginName.isValid(name), name)
        }
        let error = violation { () throws(DomainViolation) in try LoginName.validate("a b") }
        XCTAssertEqual(error?.reason, "invalid_login_name")
    }

    func testPasswordFixtureAccountsPassTheRule() throws {
        guard let persons = try fixtureRecords("persons.jsonl"),
            let entities = try fixtureRecords("entities.jsonl")
        else {
            throw XCTSkip("fixtures folder not found")
        }
        for record in persons + entities {
            let login = record["login"] as! String
            XCTAssertTrue(LoginName.isValid(login), login)
            XCTAssertEqual(PasswordRule.violations(of: record["password"] as! String), [], login)
        }
    }
}
