"""The 37 reporting units of the campaign (DOMAIN.md section 2); pure data.

Each entry is (code, name_zh, name_en, kind, parent_code): kind is "province"
(31 provincial-level divisions, GB/T 2260), "separate_city" (the 5 cities with
separate planning status, parent_code = their province) or "xpcc" (Xinjiang
Production and Construction Corps; 660000 is a common convention, not a
GB/T 2260 code, so callers should let an administrator override it).
"""

PROVINCE = "province"
SEPARATE_CITY = "separate_city"
XPCC = "xpcc"

XPCC_DEFAULT_CODE = "660000"

REPORTING_UNITS = (
    ("110000", "北京市", "Beijing", PROVINCE, ""),
    ("120000", "天津市", "Tianjin", PROVINCE, ""),
    ("130000", "河北省", "Hebei", PROVINCE, ""),
    ("140000", "山西省", "Shanxi", PROVINCE, ""),
    ("150000", "内蒙古自治区", "Inner Mongolia Autonomous Region", PROVINCE, ""),
    ("210000", "辽宁省", "Liaoning", PROVINCE, ""),
    ("220000", "吉林省", "Jilin", PROVINCE, ""),
    ("230000", "黑龙江省", "Heilongjiang", PROVINCE, ""),
    ("310000", "上海市", "Shanghai", PROVINCE, ""),
    ("320000", "江苏省", "Jiangsu", PROVINCE, ""),
    ("330000", "浙江省", "Zhejiang", PROVINCE, ""),
    ("340000", "安徽省", "Anhui", PROVINCE, ""),
    ("350000", "福建省", "Fujian", PROVINCE, ""),
    ("360000", "江西省", "Jiangxi", PROVINCE, ""),
    ("370000", "山东省", "Shandong", PROVINCE, ""),
    ("410000", "河南省", "Henan", PROVINCE, ""),
    ("420000", "湖北省", "Hubei", PROVINCE, ""),
    ("430000", "湖南省", "Hunan", PROVINCE, ""),
    ("440000", "广东省", "Guangdong", PROVINCE, ""),
    ("450000", "广西壮族自治区", "Guangxi Zhuang Autonomous Region", PROVINCE, ""),
    ("460000", "海南省", "Hainan", PROVINCE, ""),
    ("500000", "重庆市", "Chongqing", PROVINCE, ""),
    ("510000", "四川省", "Sichuan", PROVINCE, ""),
    ("520000", "贵州省", "Guizhou", PROVINCE, ""),
    ("530000", "云南省", "Yunnan", PROVINCE, ""),
    ("540000", "西藏自治区", "Xizang Autonomous Region", PROVINCE, ""),
    ("610000", "陕西省", "Shaanxi", PROVINCE, ""),
    ("620000", "甘肃省", "Gansu", PROVINCE, ""),
    ("630000", "青海省", "Qinghai", PROVINCE, ""),
    ("640000", "宁夏回族自治区", "Ningxia Hui Autonomous Region", PROVINCE, ""),
    ("650000", "新疆维吾尔自治区", "Xinjiang Uygur Autonomous Region", PROVINCE, ""),
    ("210200", "大连市", "Dalian", SEPARATE_CITY, "210000"),
    ("370200", "青岛市", "Qingdao", SEPARATE_CITY, "370000"),
    ("330200", "宁波市", "Ningbo", SEPARATE_CITY, "330000"),
    ("350200", "厦门市", "Xiamen", SEPARATE_CITY, "350000"),
    ("440300", "深圳市", "Shenzhen", SEPARATE_CITY, "440000"),
    (
        XPCC_DEFAULT_CODE,
        "新疆生产建设兵团",
        "Xinjiang Production and Construction Corps",
        XPCC,
        "",
    ),
)


# The 代字 of each unit's market regulator in document numbers such as 粤市监〔2019〕12号:
# the province's one-character abbreviation, the separate cities' and the XPCC's names.
DOCUMENT_PREFIXES = {
    "110000": "京市监",
    "120000": "津市监",
    "130000": "冀市监",
    "140000": "晋市监",
    "150000": "内蒙古市监",
    "210000": "辽市监",
    "220000": "吉市监",
    "230000": "黑市监",
    "310000": "沪市监",
    "320000": "苏市监",
    "330000": "浙市监",
    "340000": "皖市监",
    "350000": "闽市监",
    "360000": "赣市监",
    "370000": "鲁市监",
    "410000": "豫市监",
    "420000": "鄂市监",
    "430000": "湘市监",
    "440000": "粤市监",
    "450000": "桂市监",
    "460000": "琼市监",
    "500000": "渝市监",
    "510000": "川市监",
    "520000": "黔市监",
    "530000": "云市监",
    "540000": "藏市监",
    "610000": "陕市监",
    "620000": "甘市监",
    "630000": "青市监",
    "640000": "宁市监",
    "650000": "新市监",
    "210200": "大连市监",
    "370200": "青岛市监",
    "330200": "甬市监",
    "350200": "厦市监",
    "440300": "深市监",
}
XPCC_DOCUMENT_PREFIX = "兵团市监"


def document_prefix(code, kind):
    """The default document-number prefix of a unit (the XPCC's code is configurable)."""
    return XPCC_DOCUMENT_PREFIX if kind == XPCC else DOCUMENT_PREFIXES.get(code, "")
