import TCMSSystem
import Foundation
import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// `sms.send`, `sms.verify` and the operator's `sms.outbox`.
///
/// A code is 6 digits, valid 5 minutes, allows 5 wrong entries, and one is sent per number per
/// minute at most. Codes and proofs are stored only as salted SHA-256 digests. A verified code
/// yields a mobile proof, valid 30 minutes and usable once, that registration takes as evidence
/// that the caller controls the number.
enum SMSMethods {
    static let codeLifetime: TimeInterval = 5 * 60
    static let resendInterval: TimeInterval = 60
    static let maxAttempts = 5
    static let proofLifetime: TimeInterval = 30 * 60

    static let purposes = ["register", "reset_password"]

    static func specs(environment: ServiceEnvironment) -> [MethodSpec] {
        let mobileParam = ParamSpec("mobile", .string, required: true, "mainland mobile number")
        let purposeParam = ParamSpec(
            "purpose", .string, required: true, "what the code proves: register, reset_password")
        return [
            MethodSpec(
                "sms.send",
                summary: "Sends a 6-digit verification code to a mobile number through the "
                    + "notifier; the code is valid 5 minutes.",
                params: [mobileParam, purposeParam],
                result: "{mobile (masked), expiresAt, resendAfter}", roles: .everyone,
                writes: true,
                errors: ["invalid_mobile", "invalid_purpose", "resend_too_soon", "notifier_failed"]
            ) { context, params in
                try send(environment, context, params)
            },

            MethodSpec(
                "sms.verify",
                summary: "Checks a verification code; a right code returns a one-time mobile "
                    + "proof for registration.",
                params: [
                    mobileParam, purposeParam,
                    ParamSpec("code", .string, required: true, "the 6-digit code"),
                ],
                result: "{verified: true, mobileProof, proofExpiresAt}", roles: .everyone,
                writes: true,
                errors: ["invalid_mobile", "invalid_purpose", "invalid_code_format",
                         "no_code_sent", "code_expired", "too_many_attempts", "wrong_code"]
            ) { context, params in
                try verify(environment, context, params)
            },

            MethodSpec(
                "sms.outbox",
                summary: "Lists the messages the embedded notifier has kept, newest first.",
                params: [
                    ParamSpec("mobile", .string, "only messages to this number"),
                    ParamSpec("limit", .integer(min: 1, max: 200), "at most this many, default 20"),
                ],
                result: "{items: [{id, channel, recipient, body, createdAt}]}",
                roles: [.operator]
            ) { _, params in
                let limit = params.int("limit") ?? 20
                let items = try environment.store.read { database in
                    try database.query(
                        """
                        SELECT id, channel, recipient, body, created_at FROM outbox
                        WHERE ? IS NULL OR recipient = ? ORDER BY id DESC LIMIT ?
                        """, [params.string("mobile"), params.string("mobile"), limit]
                    ) { row -> JSON in
                        [
                            "id": .int(row.int64(0)), "channel": .string(row.string(1)),
                            "recipient": .string(row.string(2)), "body": .string(row.string(3)),
                            "createdAt": .string(row.string(4)),
                        ]
                    }
                }
                return ["items": .array(items)]
            },
        ]
    }

    private static func checkedInput(_ params: Params) throws -> (mobile: String, purpose: String)
    {
        let mobile = try params.requiredString("mobile")
        let purpose = try params.requiredString("purpose")
        var violations: [(DomainViolation, String)] = []
        do throws(DomainViolation) {
            try MobileNumber.validate(mobile)
        } catch {
            violations.append((error, "params.mobile"))
        }
        if !purposes.contains(purpose) {
            let violation = DomainViolation(
                reason: "invalid_purpose",
                message: "Invalid purpose \(purpose): expected register or reset_password.",
                messageZh: "验证码用途无效：应为 register 或 reset_password。")
            violations.append((violation, "params.purpose"))
        }
        guard violations.isEmpty else { throw RPCError.validation(violations) }
        return (mobile, purpose)
    }

    private static func send(
        _ environment: ServiceEnvironment, _ context: CallContext, _ params: Params
    ) throws -> JSON {
        let (mobile, purpose) = try checkedInput(params)
        let now = environment.clock.now()
        let nowText = ChinaTime.timestamp(of: now)
        let code = SecureRandom.digits(6)
        let salt = SecureRandom.hex(byteCount: 16)
        let expiresAt = ChinaTime.timestamp(of: now.addingTimeInterval(codeLifetime))
        let text = "【技术合同登记】您的验证码是 \(code)，5 分钟内有效。请勿告诉他人。"

        let id: Int64 = try environment.store.write { database in
            let lastSent = try database.queryFirst(
                "SELECT max(sent_at) FROM sms_codes WHERE mobile = ?", [mobile]
            ) { $0.optionalString(0) } ?? nil
            let resendFrom = ChinaTime.timestamp(of: now.addingTimeInterval(-resendInterval))
            if let lastSent, lastSent > resendFrom,
                let sentInstant = ChinaTime.parseTimestamp(lastSent)
            {
                let wait = Int((sentInstant.timeIntervalSince(now) + resendInterval).rounded(.up))
                throw IdentityErrors.resendTooSoon(seconds: max(wait, 1))
            }
            try database.run(
                """
                INSERT INTO sms_codes (mobile, purpose, salt, code_hash, sent_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """, [mobile, purpose, salt, SHA256.hex(salt + code), nowText, expiresAt])
            let id = database.lastInsertRowID
            if environment.smsCommand == nil {
                try Notifier.keep(database, mobile: mobile, text: text, now: nowText)
            }
            try AuditLog.record(
                database, context: context, subject: "mobile:\(Masking.maskMobile(mobile))",
                after: ["purpose": .string(purpose), "expiresAt": .string(expiresAt)], at: now)
            return id
        }

        // The command runs after the commit, so a slow gateway never blocks the writer. When it
        // fails, the code is removed again, so the caller may retry at once.
        if let command = environment.smsCommand,
            !Notifier.run(command, mobile: mobile, text: text)
        {
            try environment.store.write { database in
                try database.run("DELETE FROM sms_codes WHERE id = ?", [id])
            }
            throw Notifier.deliveryFailed
        }
        return [
            "mobile": .string(Masking.maskMobile(mobile)), "expiresAt": .string(expiresAt),
            "resendAfter": .string(ChinaTime.timestamp(of: now.addingTimeInterval(resendInterval))),
        ]
    }

    private enum Outcome {
        case verified(proof: String, expiresAt: String)
        case failure(RPCError)
    }

    private static func verify(
        _ environment: ServiceEnvironment, _ context: CallContext, _ params: Params
    ) throws -> JSON {
        let (mobile, purpose) = try checkedInput(params)
        let code = try params.requiredString("code")
        guard code.count == 6, code.isASCIIDigitString else {
            throw RPCError(
                code: RPCErrorCode.validationFailed, reason: "invalid_code_format",
                message: "Invalid verification code: expected 6 digits",
                messageZh: "验证码格式无效：应为 6 位数字", field: "params.code")
        }
        let now = environment.clock.now()
        let nowText = ChinaTime.timestamp(of: now)

        // Failed attempts must be counted even though the call fails, so the transaction
        // commits and the error is thrown after it.
        let outcome: Outcome = try environment.store.write { database in
            let row = try database.queryFirst(
                """
                SELECT id, salt, code_hash, expires_at, attempts FROM sms_codes
                WHERE mobile = ? AND purpose = ? ORDER BY id DESC LIMIT 1
                """, [mobile, purpose]
            ) { ($0.int64(0), $0.string(1), $0.string(2), $0.string(3), $0.int(4)) }
            guard let (id, salt, codeHash, expiresAt, attempts) = row else {
                return .failure(IdentityErrors.noCodeSent)
            }
            let verified = try database.scalarInt(
                "SELECT verified_at IS NOT NULL FROM sms_codes WHERE id = ?", [id])
            guard verified == 0 else { return .failure(IdentityErrors.noCodeSent) }
            guard attempts < maxAttempts else { return .failure(IdentityErrors.tooManyAttempts) }
            guard expiresAt > nowText else { return .failure(IdentityErrors.codeExpired) }

            let matches = PasswordHasher.constantTimeEqual(
                Array(SHA256.hex(salt + code).utf8), Array(codeHash.utf8))
            guard matches else {
                try database.run(
                    "UPDATE sms_codes SET attempts = attempts + 1 WHERE id = ?", [id])
                try AuditLog.record(
                    database, context: context, subject: "mobile:\(Masking.maskMobile(mobile))",
                    after: ["result": "wrong_code"], at: now)
                let remaining = maxAttempts - attempts - 1
                return .failure(
                    remaining > 0 ? IdentityErrors.wrongCode(remaining: remaining)
                        : IdentityErrors.tooManyAttempts)
            }

            let proof = SecureRandom.hex(byteCount: 32)
            let proofExpiresAt = ChinaTime.timestamp(of: now.addingTimeInterval(proofLifetime))
            try database.run(
                """
                UPDATE sms_codes SET verified_at = ?, proof_hash = ?, proof_expires_at = ?
                WHERE id = ?
                """, [nowText, SHA256.hex(proof), proofExpiresAt, id])
            try AuditLog.record(
                database, context: context, subject: "mobile:\(Masking.maskMobile(mobile))",
                after: ["result": "verified", "purpose": .string(purpose)], at: now)
            return .verified(proof: proof, expiresAt: proofExpiresAt)
        }

        switch outcome {
        case .failure(let error):
            throw error
        case .verified(let proof, let expiresAt):
            return ["verified": true, "mobileProof": .string(proof),
                    "proofExpiresAt": .string(expiresAt)]
        }
    }

    /// Marks a mobile proof as used. Throws `invalid_mobile_proof` unless it was issued for
    /// `mobile` and `purpose`, is unused and has not expired. Runs inside the caller's write
    /// transaction, so a registration that fails later leaves the proof unused.
    static func consumeProof(
        _ database: Database, proof: String, mobile: String, purpose: String, now: Date
    ) throws {
        let nowText = ChinaTime.timestamp(of: now)
        try database.run(
            """
            UPDATE sms_codes SET proof_used_at = ?
            WHERE proof_hash = ? AND mobile = ? AND purpose = ? AND proof_used_at IS NULL
              AND proof_expires_at > ?
            """, [nowText, SHA256.hex(proof), mobile, purpose, nowText])
        guard database.changes == 1 else { throw IdentityErrors.invalidMobileProof }
    }
}
