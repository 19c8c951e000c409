"""GB/T 4754-2017 industrial classification (国民经济行业分类): sections and divisions.

Sections (门类) A-T and all divisions (大类) 01-97 as (code, Chinese name, English
name[, section]). Names are reference data in both languages, not translated.
"""

__all__ = [
    "DIVISIONS",
    "SECTIONS",
    "SERVICE_SECTIONS",
    "division_choices",
    "section_choices",
    "section_of_division",
]

SECTIONS = (
    ("A", "农、林、牧、渔业", "Agriculture, forestry, animal husbandry and fishery"),
    ("B", "采矿业", "Mining"),
    ("C", "制造业", "Manufacturing"),
    (
        "D",
        "电力、热力、燃气及水生产和供应业",
        "Production and supply of electricity, heat, gas and water",
    ),
    ("E", "建筑业", "Construction"),
    ("F", "批发和零售业", "Wholesale and retail trade"),
    ("G", "交通运输、仓储和邮政业", "Transport, storage and post"),
    ("H", "住宿和餐饮业", "Accommodation and catering"),
    (
        "I",
        "信息传输、软件和信息技术服务业",
        "Information transmission, software and information technology services",
    ),
    ("J", "金融业", "Finance"),
    ("K", "房地产业", "Real estate"),
    ("L", "租赁和商务服务业", "Leasing and business services"),
    ("M", "科学研究和技术服务业", "Scientific research and technical services"),
    ("N", "水利、环境和公共设施管理业", "Water, environment and public facilities management"),
    ("O", "居民服务、修理和其他服务业", "Resident services, repair and other services"),
    ("P", "教育", "Education"),
    ("Q", "卫生和社会工作", "Health and social work"),
    ("R", "文化、体育和娱乐业", "Culture, sports and entertainment"),
    (
        "S",
        "公共管理、社会保障和社会组织",
        "Public administration, social security and social organisations",
    ),
    ("T", "国际组织", "International organisations"),
)

SERVICE_SECTIONS = frozenset("FGHIJKLMNOPQRS")

DIVISIONS = (
    # A 农、林、牧、渔业
    ("01", "农业", "Agriculture", "A"),
    ("02", "林业", "Forestry", "A"),
    ("03", "畜牧业", "Animal husbandry", "A"),
    ("04", "渔业", "Fishery", "A"),
    (
        "05",
        "农、林、牧、渔专业及辅助性活动",
        "Professional and support activities for agriculture, forestry, animal husbandry "
        "and fishery",
        "A",
    ),
    # B 采矿业
    ("06", "煤炭开采和洗选业", "Mining and washing of coal", "B"),
    ("07", "石油和天然气开采业", "Extraction of petroleum and natural gas", "B"),
    ("08", "黑色金属矿采选业", "Mining and processing of ferrous metal ores", "B"),
    ("09", "有色金属矿采选业", "Mining and processing of non-ferrous metal ores", "B"),
    ("10", "非金属矿采选业", "Mining and processing of non-metallic minerals", "B"),
    ("11", "开采专业及辅助性活动", "Professional and support activities for mining", "B"),
    ("12", "其他采矿业", "Other mining", "B"),
    # C 制造业
    ("13", "农副食品加工业", "Processing of agricultural and sideline food products", "C"),
    ("14", "食品制造业", "Manufacture of food", "C"),
    ("15", "酒、饮料和精制茶制造业", "Manufacture of liquor, beverages and refined tea", "C"),
    ("16", "烟草制品业", "Manufacture of tobacco products", "C"),
    ("17", "纺织业", "Manufacture of textiles", "C"),
    ("18", "纺织服装、服饰业", "Manufacture of textile garments and apparel", "C"),
    (
        "19",
        "皮革、毛皮、羽毛及其制品和制鞋业",
        "Manufacture of leather, fur, feathers and related products, and footwear",
        "C",
    ),
    (
        "20",
        "木材加工和木、竹、藤、棕、草制品业",
        "Processing of timber; manufacture of wood, bamboo, rattan, palm and straw products",
        "C",
    ),
    ("21", "家具制造业", "Manufacture of furniture", "C"),
    ("22", "造纸和纸制品业", "Manufacture of paper and paper products", "C"),
    ("23", "印刷和记录媒介复制业", "Printing and reproduction of recording media", "C"),
    (
        "24",
        "文教、工美、体育和娱乐用品制造业",
        "Manufacture of articles for culture, education, arts and crafts, sport and entertainment",
        "C",
    ),
    ("25", "石油、煤炭及其他燃料加工业", "Processing of petroleum, coal and other fuels", "C"),
    (
        "26",
        "化学原料和化学制品制造业",
        "Manufacture of chemical raw materials and chemical products",
        "C",
    ),
    ("27", "医药制造业", "Manufacture of medicines", "C"),
    ("28", "化学纤维制造业", "Manufacture of chemical fibres", "C"),
    ("29", "橡胶和塑料制品业", "Manufacture of rubber and plastic products", "C"),
    ("30", "非金属矿物制品业", "Manufacture of non-metallic mineral products", "C"),
    ("31", "黑色金属冶炼和压延加工业", "Smelting and pressing of ferrous metals", "C"),
    ("32", "有色金属冶炼和压延加工业", "Smelting and pressing of non-ferrous metals", "C"),
    ("33", "金属制品业", "Manufacture of metal products", "C"),
    ("34", "通用设备制造业", "Manufacture of general-purpose machinery", "C"),
    ("35", "专用设备制造业", "Manufacture of special-purpose machinery", "C"),
    ("36", "汽车制造业", "Manufacture of motor vehicles", "C"),
    (
        "37",
        "铁路、船舶、航空航天和其他运输设备制造业",
        "Manufacture of railway, ship, aerospace and other transport equipment",
        "C",
    ),
    ("38", "电气机械和器材制造业", "Manufacture of electrical machinery and equipment", "C"),
    (
        "39",
        "计算机、通信和其他电子设备制造业",
        "Manufacture of computers, communication and other electronic equipment",
        "C",
    ),
    ("40", "仪器仪表制造业", "Manufacture of measuring instruments and meters", "C"),
    ("41", "其他制造业", "Other manufacturing", "C"),
    ("42", "废弃资源综合利用业", "Comprehensive use of waste resources", "C"),
    (
        "43",
        "金属制品、机械和设备修理业",
        "Repair of metal products, machinery and equipment",
        "C",
    ),
    # D 电力、热力、燃气及水生产和供应业
    ("44", "电力、热力生产和供应业", "Production and supply of electricity and heat", "D"),
    ("45", "燃气生产和供应业", "Production and supply of gas", "D"),
    ("46", "水的生产和供应业", "Production and supply of water", "D"),
    # E 建筑业
    ("47", "房屋建筑业", "Construction of buildings", "E"),
    ("48", "土木工程建筑业", "Civil engineering", "E"),
    ("49", "建筑安装业", "Installation works", "E"),
    (
        "50",
        "建筑装饰、装修和其他建筑业",
        "Building decoration, renovation and other construction",
        "E",
    ),
    # F 批发和零售业
    ("51", "批发业", "Wholesale trade", "F"),
    ("52", "零售业", "Retail trade", "F"),
    # G 交通运输、仓储和邮政业
    ("53", "铁路运输业", "Rail transport", "G"),
    ("54", "道路运输业", "Road transport", "G"),
    ("55", "水上运输业", "Water transport", "G"),
    ("56", "航空运输业", "Air transport", "G"),
    ("57", "管道运输业", "Pipeline transport", "G"),
    ("58", "多式联运和运输代理业", "Multimodal transport and transport agency", "G"),
    ("59", "装卸搬运和仓储业", "Loading, unloading, handling and warehousing", "G"),
    ("60", "邮政业", "Postal services", "G"),
    # H 住宿和餐饮业
    ("61", "住宿业", "Accommodation", "H"),
    ("62", "餐饮业", "Catering", "H"),
    # I 信息传输、软件和信息技术服务业
    (
        "63",
        "电信、广播电视和卫星传输服务",
        "Telecommunications, radio and television, and satellite transmission services",
        "I",
    ),
    ("64", "互联网和相关服务", "Internet and related services", "I"),
    ("65", "软件和信息技术服务业", "Software and information technology services", "I"),
    # J 金融业
    ("66", "货币金融服务", "Monetary and financial services", "J"),
    ("67", "资本市场服务", "Capital market services", "J"),
    ("68", "保险业", "Insurance", "J"),
    ("69", "其他金融业", "Other financial services", "J"),
    # K 房地产业
    ("70", "房地产业", "Real estate", "K"),
    # L 租赁和商务服务业
    ("71", "租赁业", "Leasing", "L"),
    ("72", "商务服务业", "Business services", "L"),
    # M 科学研究和技术服务业
    ("73", "研究和试验发展", "Research and experimental development", "M"),
    ("74", "专业技术服务业", "Professional and technical services", "M"),
    ("75", "科技推广和应用服务业", "Technology promotion and application services", "M"),
    # N 水利、环境和公共设施管理业
    ("76", "水利管理业", "Water conservancy management", "N"),
    ("77", "生态保护和环境治理业", "Ecological protection and environmental management", "N"),
    ("78", "公共设施管理业", "Public facilities management", "N"),
    ("79", "土地管理业", "Land management", "N"),
    # O 居民服务、修理和其他服务业
    ("80", "居民服务业", "Resident services", "O"),
    (
        "81",
        "机动车、电子产品和日用产品修理业",
        "Repair of motor vehicles, electronic products and household goods",
        "O",
    ),
    ("82", "其他服务业", "Other services", "O"),
    # P 教育
    ("83", "教育", "Education", "P"),
    # Q 卫生和社会工作
    ("84", "卫生", "Health", "Q"),
    ("85", "社会工作", "Social work", "Q"),
    # R 文化、体育和娱乐业
    ("86", "新闻和出版业", "News and publishing", "R"),
    (
        "87",
        "广播、电视、电影和录音制作业",
        "Radio, television, film and sound recording production",
        "R",
    ),
    ("88", "文化艺术业", "Culture and arts", "R"),
    ("89", "体育", "Sports", "R"),
    ("90", "娱乐业", "Entertainment", "R"),
    # S 公共管理、社会保障和社会组织
    ("91", "中国共产党机关", "Organs of the Communist Party of China", "S"),
    ("92", "国家机构", "State organs", "S"),
    (
        "93",
        "人民政协、民主党派",
        "Chinese People's Political Consultative Conference and democratic parties",
        "S",
    ),
    ("94", "社会保障", "Social security", "S"),
    (
        "95",
        "群众团体、社会团体和其他成员组织",
        "Mass organisations, social organisations and other membership organisations",
        "S",
    ),
    (
        "96",
        "基层群众自治组织及其他组织",
        "Grassroots self-governing organisations and other organisations",
        "S",
    ),
    # T 国际组织
    ("97", "国际组织", "International organisations", "T"),
)

_SECTION_LETTERS = frozenset(s[0] for s in SECTIONS)
_SECTION_OF = {d[0]: d[3] for d in DIVISIONS}


def section_choices() -> list[tuple[str, str]]:
    """Return [(letter, "F 批发和零售业"), ...] for all sections A-T."""
    return [(letter, f"{letter} {zh}") for letter, zh, _en in SECTIONS]


# The one named choice set of sections in the API schema (SPECTACULAR_SETTINGS).
SECTION_CHOICES = section_choices()


def division_choices(section: str | None = None) -> list[tuple[str, str]]:
    """Return [(code, "51 批发业"), ...] for all divisions, or those of one section."""
    if section is not None:
        section = section.strip().upper()
        if section not in _SECTION_LETTERS:
            raise ValueError(f"unknown GB/T 4754-2017 section {section!r}")
    return [(code, f"{code} {zh}") for code, zh, _en, s in DIVISIONS if section in (None, s)]


def section_of_division(code: str) -> str | None:
    """Return the section letter of a two-digit division code, or None if unknown."""
    return _SECTION_OF.get(str(code).strip().zfill(2))
