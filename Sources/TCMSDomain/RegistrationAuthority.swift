// NOTE: an authority or category added to the standard after this table was written fails
// `USCC.parse` with `unknown_registration_authority` or `unknown_organization_category`
// until it is added here.
/// Registration authorities and organization categories of GB 32100-2015, which form the first
/// two characters of a unified social credit code.
public enum RegistrationAuthority {
    /// Chinese names of the registration authorities, by code.
    public static let authorities: [Character: String] = [
        "1": "机构编制", "2": "外交", "3": "司法行政", "4": "文化", "5": "民政", "6": "旅游",
        "7": "宗教", "8": "工会", "9": "工商", "A": "中央军委改革和编制办公室", "N": "农业",
        "Y": "其他",
    ]

    /// Chinese names of the organization categories, by authority code and category code.
    public static let categories: [Character: [Character: String]] = [
        "1": ["1": "机关", "2": "事业单位", "3": "中央编办直接管理机构编制的群众团体", "9": "其他"],
        "2": ["1": "外国常驻新闻机构", "9": "其他"],
        "3": [
            "1": "律师执业机构", "2": "公证处", "3": "基层法律服务所", "4": "司法鉴定机构",
            "5": "仲裁委员会", "9": "其他",
        ],
        "4": ["1": "外国在华文化中心", "9": "其他"],
        "5": ["1": "社会团体", "2": "民办非企业单位", "3": "基金会", "9": "其他"],
        "6": [
            "1": "外国旅游部门常驻代表机构", "2": "港澳台地区旅游部门常驻内地（大陆）代表机构",
            "9": "其他",
        ],
        "7": ["1": "宗教活动场所", "2": "宗教院校", "9": "其他"],
        "8": ["1": "基层工会", "9": "其他"],
        "9": ["1": "企业", "2": "个体工商户", "3": "农民专业合作社"],
        "A": ["1": "军队事业单位", "9": "其他"],
        "N": [
            "1": "组级集体经济组织", "2": "村级集体经济组织", "3": "乡镇级集体经济组织",
            "9": "其他",
        ],
        "Y": ["1": "其他"],
    ]
}
