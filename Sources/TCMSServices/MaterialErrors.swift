import TCMSRPC

/// The errors of material upload and review, one wording each.
enum MaterialErrors {
    static let notFound = RPCError(
        code: RPCErrorCode.notFound, reason: "material_not_found",
        message: "No material has this id for the caller", messageZh: "没有该材料",
        field: "params.materialId")

    static let notOpen = RPCError(
        code: RPCErrorCode.invalidState, reason: "upload_not_open",
        message: "The material was already submitted; start a new upload",
        messageZh: "该材料已提交，请重新上传", field: "params.materialId")

    static let alreadyVerified = RPCError(
        code: RPCErrorCode.invalidState, reason: "already_verified",
        message: "The caller is verified already; no material is needed",
        messageZh: "已通过实名认证，无需上传材料")

    static let noSubject = RPCError(
        code: RPCErrorCode.notFound, reason: "subject_not_found",
        message: "The caller has no person or entity profile to attach material to",
        messageZh: "当前用户没有可关联材料的自然人或法人信息")

    static let alreadyDecided = RPCError(
        code: RPCErrorCode.alreadyDecided, reason: "already_decided",
        message: "The material was already reviewed, or is not submitted",
        messageZh: "该材料已审核或尚未提交", field: "params.materialId")
}
