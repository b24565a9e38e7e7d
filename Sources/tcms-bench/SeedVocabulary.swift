/// The words the contract generator draws from: the regions, offices, unit names, projects and
/// codes of the project's fixture generator, so seeded contracts read like registered ones.
enum SeedVocabulary {
    /// A GB/T 2260 district with the city whose office covers it, and the district's weight
    /// among registering units (Beijing's districts are the busiest).
    struct District {
        let code: String
        let cityCode: String
        let cityName: String
        let weight: Int
    }

    static let districts: [District] = [
        .init(code: "110101", cityCode: "110000", cityName: "北京市", weight: 6),
        .init(code: "110105", cityCode: "110000", cityName: "北京市", weight: 6),
        .init(code: "110108", cityCode: "110000", cityName: "北京市", weight: 8),
        .init(code: "120116", cityCode: "120000", cityName: "天津市", weight: 3),
        .init(code: "310104", cityCode: "310000", cityName: "上海市", weight: 4),
        .init(code: "310115", cityCode: "310000", cityName: "上海市", weight: 5),
        .init(code: "320106", cityCode: "320100", cityName: "南京市", weight: 4),
        .init(code: "330106", cityCode: "330100", cityName: "杭州市", weight: 4),
        .init(code: "350102", cityCode: "350100", cityName: "福州市", weight: 3),
        .init(code: "350104", cityCode: "350100", cityName: "福州市", weight: 2),
        .init(code: "350206", cityCode: "350200", cityName: "厦门市", weight: 2),
        .init(code: "350582", cityCode: "350500", cityName: "泉州市", weight: 2),
        .init(code: "370102", cityCode: "370100", cityName: "济南市", weight: 3),
        .init(code: "420111", cityCode: "420100", cityName: "武汉市", weight: 4),
        .init(code: "440106", cityCode: "440100", cityName: "广州市", weight: 4),
        .init(code: "440305", cityCode: "440300", cityName: "深圳市", weight: 6),
        .init(code: "500112", cityCode: "500000", cityName: "重庆市", weight: 3),
        .init(code: "510107", cityCode: "510100", cityName: "成都市", weight: 3),
        .init(code: "610113", cityCode: "610100", cityName: "西安市", weight: 3),
    ]

    /// Registration offices and the division each covers.
    static let offices: [(name: String, divisionCode: String)] = [
        ("北京技术市场管理办公室", "110000"), ("天津市技术合同登记处", "120000"),
        ("上海市技术合同认定登记处", "310000"), ("南京市技术合同登记处", "320100"),
        ("杭州市技术合同登记处", "330100"), ("福州技术市场", "350100"),
        ("厦门市技术合同登记处", "350200"), ("泉州市技术合同登记处", "350500"),
        ("济南市技术合同登记处", "370100"), ("武汉市技术合同登记处", "420100"),
        ("广州市技术合同登记处", "440100"), ("深圳市技术合同登记处", "440300"),
        ("重庆市技术合同登记处", "500000"), ("成都市技术合同登记处", "510100"),
        ("西安市技术合同登记处", "610100"),
    ]

    static let nameCores = Array("华晋鑫威泰瑞康源通达恒信远航博创宏安盛景融汇中天海峡青山")
    static let sectors = ["环保", "信息", "电子", "生物", "新材料", "能源", "智能制造", "水利", "医药", "软件"]

    /// A project and the work done on it; a title is city + project + work + contract kind.
    static let projects: [(place: String, work: String)] = [
        ("热电厂扩建工程", "环境影响评价"), ("城区码头工程", "环境影响评价"),
        ("生活垃圾分类发电厂技改项目", "环境影响评价"), ("小水电电站一期项目", "环评"),
        ("石灰石矿", "开采方案"), ("水电站", "环境现状调查"), ("研发中心", "景观设计"),
        ("智能仓储系统", "软件开发"), ("锂电池正极材料", "工艺改进"),
        ("工业机器人视觉检测", "算法研发"), ("污水处理厂提标改造", "工艺设计"),
        ("5G基站节能", "技术方案"), ("中药配方颗粒", "质量标准研究"),
    ]

    /// (category code, sub-type code, the words a title ends with).
    static let categories: [(category: String, subtype: String?, words: String)] = [
        ("CON", nil, "技术咨询合同"), ("SRV", "SRV-SVC", "技术服务合同"),
        ("DEV", "DEV-COMM", "委托开发合同"), ("DEV", "DEV-COOP", "合作开发合同"),
        ("TRF", "TRF-PAT", "专利权转让合同"), ("TRF", "TRF-SECRET", "技术秘密转让合同"),
        ("LIC", "LIC-PAT", "专利实施许可合同"), ("SRV", "SRV-TRAIN", "技术培训合同"),
    ]
    static let techFields = (1...11).map { "TF" + ($0 < 10 ? "0" : "") + String($0) }
    static let ipTypes = ["IP-NONE", "IP-NONE", "IP-PAT-INV", "IP-PAT-UM", "IP-SECRET", "IP-SOFT"]
    static let payments = ["PAY-LUMP", "PAY-INST", "PAY-INST", "PAY-ROY"]
    static let amountsYuan: [Int64] = [30000, 50000, 80000, 120000, 200000, 350000, 1000000, 6000000]
    static let techShares: [Int64] = [60, 80, 90, 100]
    static let partyNatures = ["110", "120", "150", "150", "150", "160", "170", "170", "310"]
}

/// SplitMix64: a small, fast generator whose whole state is one seed, so a run with the same
/// seed and counts writes the same rows.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in 0 ..< bound.
    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }

    mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }
}
