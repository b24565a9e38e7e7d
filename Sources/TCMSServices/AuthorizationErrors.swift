import TCMSRPC

/// The errors of handler authorization, one wording each.
enum AuthorizationErrors {
    /// The one reply for every search or grant that does not match a verified person exactly,
    /// whichever of name, document type or number differs, so a caller learns nothing from it.
    static let personNotFound = RPCError(
        code: RPCErrorCode.notFound, reason: "person_not_found",
        message: "No verified natural person has this name, document type and document number",
        messageZh: "未找到姓名、证件类型和证件号码均匹配的已实名认证自然人")

    static func authorizationNotFound(_ id: Int64) -> RPCError {
        RPCError(
            code: RPCErrorCode.notFound, reason: "authorization_not_found",
            message: "The entity has no authorization with id \(id)", messageZh: "授权记录不存在",
            field: "params.id")
    }

    static let alreadyAuthorized = RPCError(
        code: RPCErrorCode.alreadyExists, reason: "already_authorized",
        message: "This entity already authorized the person for this matter; change its period "
            + "with authorization.update or revoke it first",
        messageZh: "该用户已被授权，可修改授权期限或先撤销授权", field: "params.documentNumber")

    static let alreadyRevoked = RPCError(
        code: RPCErrorCode.alreadyDecided, reason: "already_decided",
        message: "The authorization was already revoked", messageZh: "该授权已被撤销",
        field: "params.id")

    static let revokedCannotChange = RPCError(
        code: RPCErrorCode.invalidState, reason: "authorization_revoked",
        message: "A revoked authorization cannot be changed; grant a new one",
        messageZh: "已撤销的授权不能修改，请重新授权", field: "params.id")

    static let invalidPeriod = RPCError(
        code: RPCErrorCode.validationFailed, reason: "invalid_period",
        message: "params.validUntil must be on or after params.validFrom",
        messageZh: "授权截止日期不能早于起始日期", field: "params.validUntil")

    static let entityNotFound = RPCError(
        code: RPCErrorCode.notFound, reason: "entity_not_found",
        message: "No legal entity has this login, or the caller acts for none",
        messageZh: "未找到对应的法人单位", field: "params.entityLogin")

    static let notOwnEntity = RPCError(
        code: RPCErrorCode.forbidden, reason: "not_own_entity",
        message: "Only the entity itself and operators may read or change its authorizations",
        messageZh: "只能查看或管理本单位的授权", field: "params.entityLogin")

    static let notAuthorized = RPCError(
        code: RPCErrorCode.forbidden, reason: "not_authorized",
        message: "This entity has not authorized the caller, or the authorization is revoked, "
            + "expired or not yet valid; handler.context lists the entities that have",
        messageZh: "该单位未授权当前用户，或授权已撤销、已过期、尚未生效", field: "params.entityId")

    /// Sent once to a handler whose grant ended since `handler.select`; the connection is back
    /// to the account's own role when the caller sees it.
    static let authorizationEnded = RPCError(
        code: RPCErrorCode.forbidden, reason: "authorization_ended",
        message: "The entity's authorization of this handler was revoked or has expired; the "
            + "connection acts as the person again",
        messageZh: "单位对您的授权已撤销或已过期，当前已恢复为个人身份")
}
