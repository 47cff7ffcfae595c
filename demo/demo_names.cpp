#include "demo/demo_names.h"

namespace md::demo {

namespace {

// Share per 10,000 people, rounded from the 2020 census surname ranking.
constexpr NamePart kSurnames[] = {
    {"王", "wang", 712},   {"李", "li", 709},        {"张", "zhang", 631}, {"刘", "liu", 538},
    {"陈", "chen", 453},   {"杨", "yang", 308},      {"黄", "huang", 223}, {"赵", "zhao", 220},
    {"吴", "wu", 205},     {"周", "zhou", 197},      {"徐", "xu", 153},    {"孙", "sun", 152},
    {"马", "ma", 144},     {"朱", "zhu", 140},       {"胡", "hu", 131},    {"郭", "guo", 126},
    {"何", "he", 120},     {"林", "lin", 118},       {"高", "gao", 116},   {"罗", "luo", 110},
    {"郑", "zheng", 105},  {"梁", "liang", 103},     {"谢", "xie", 90},    {"宋", "song", 86},
    {"唐", "tang", 84},    {"许", "xu", 81},         {"邓", "deng", 77},   {"韩", "han", 77},
    {"冯", "feng", 76},    {"曹", "cao", 73},        {"彭", "peng", 70},   {"曾", "zeng", 68},
    {"肖", "xiao", 66},    {"田", "tian", 63},       {"董", "dong", 62},   {"潘", "pan", 60},
    {"袁", "yuan", 60},    {"蔡", "cai", 57},        {"蒋", "jiang", 56},  {"余", "yu", 55},
    {"于", "yu", 54},      {"杜", "du", 53},         {"叶", "ye", 52},     {"程", "cheng", 51},
    {"魏", "wei", 50},     {"苏", "su", 49},         {"吕", "lyu", 48},    {"丁", "ding", 47},
    {"任", "ren", 46},     {"卢", "lu", 45},         {"姚", "yao", 44},    {"沈", "shen", 43},
    {"钟", "zhong", 42},   {"姜", "jiang", 41},      {"崔", "cui", 40},    {"谭", "tan", 39},
    {"陆", "lu", 38},      {"范", "fan", 37},        {"汪", "wang", 36},   {"廖", "liao", 35},
    {"石", "shi", 34},     {"金", "jin", 33},        {"韦", "wei", 32},    {"贾", "jia", 31},
    {"夏", "xia", 30},     {"付", "fu", 29},         {"方", "fang", 28},   {"邹", "zou", 27},
    {"熊", "xiong", 26},   {"白", "bai", 25},        {"孟", "meng", 24},   {"秦", "qin", 23},
    {"邱", "qiu", 22},     {"侯", "hou", 21},        {"江", "jiang", 20},  {"尹", "yin", 19},
    {"薛", "xue", 18},     {"闫", "yan", 17},        {"段", "duan", 16},   {"雷", "lei", 15},
    {"龙", "long", 14},    {"黎", "li", 13},         {"史", "shi", 12},    {"陶", "tao", 11},
    {"贺", "he", 10},      {"毛", "mao", 10},        {"郝", "hao", 9},     {"顾", "gu", 9},
    {"龚", "gong", 8},     {"邵", "shao", 8},        {"万", "wan", 7},     {"覃", "qin", 7},
    {"武", "wu", 7},       {"钱", "qian", 7},        {"戴", "dai", 6},     {"严", "yan", 6},
    {"欧阳", "ouyang", 5}, {"上官", "shangguan", 1}, {"司马", "sima", 1},  {"诸葛", "zhuge", 1},
};

constexpr NamePart kFemaleChars[] = {
    {"芳", "fang", 30}, {"娜", "na", 20},   {"敏", "min", 25},  {"静", "jing", 30}, {"丽", "li", 25},
    {"艳", "yan", 15},  {"婷", "ting", 25}, {"雪", "xue", 20},  {"琳", "lin", 20},  {"颖", "ying", 20},
    {"慧", "hui", 20},  {"欣", "xin", 25},  {"怡", "yi", 25},   {"雅", "ya", 20},   {"洁", "jie", 15},
    {"晶", "jing", 10}, {"燕", "yan", 15},  {"玲", "ling", 15}, {"萍", "ping", 10}, {"红", "hong", 10},
    {"霞", "xia", 10},  {"梅", "mei", 10},  {"莉", "li", 10},   {"倩", "qian", 15}, {"佳", "jia", 20},
    {"悦", "yue", 15},  {"诗", "shi", 15},  {"涵", "han", 20},  {"梓", "zi", 15},   {"萱", "xuan", 15},
    {"思", "si", 20},   {"雨", "yu", 20},   {"可", "ke", 10},   {"馨", "xin", 15},  {"璐", "lu", 10},
    {"瑶", "yao", 15},  {"晓", "xiao", 20}, {"月", "yue", 10},  {"蕾", "lei", 10},  {"彤", "tong", 15},
    {"妍", "yan", 15},  {"琪", "qi", 15},   {"薇", "wei", 10},  {"菲", "fei", 10},  {"露", "lu", 8},
    {"嘉", "jia", 10},  {"宁", "ning", 10}, {"安", "an", 10},   {"心", "xin", 10},  {"婉", "wan", 8},
};

constexpr NamePart kMaleChars[] = {
    {"伟", "wei", 30},  {"强", "qiang", 20}, {"磊", "lei", 20},  {"军", "jun", 20},   {"勇", "yong", 15},
    {"杰", "jie", 25},  {"涛", "tao", 20},   {"明", "ming", 25}, {"超", "chao", 15},  {"华", "hua", 15},
    {"平", "ping", 10}, {"刚", "gang", 10},  {"辉", "hui", 15},  {"鹏", "peng", 15},  {"斌", "bin", 10},
    {"浩", "hao", 25},  {"宇", "yu", 25},    {"轩", "xuan", 20}, {"博", "bo", 15},    {"文", "wen", 20},
    {"俊", "jun", 20},  {"凯", "kai", 15},   {"峰", "feng", 15}, {"建", "jian", 15},  {"国", "guo", 10},
    {"志", "zhi", 15},  {"晨", "chen", 15},  {"阳", "yang", 15}, {"天", "tian", 10},  {"子", "zi", 15},
    {"泽", "ze", 15},   {"睿", "rui", 15},   {"航", "hang", 10}, {"然", "ran", 10},   {"飞", "fei", 10},
    {"龙", "long", 10}, {"毅", "yi", 10},    {"鑫", "xin", 10},  {"亮", "liang", 10}, {"昊", "hao", 10},
    {"健", "jian", 10}, {"新", "xin", 8},    {"东", "dong", 10}, {"成", "cheng", 10}, {"林", "lin", 8},
    {"海", "hai", 10},  {"嘉", "jia", 10},   {"一", "yi", 10},   {"铭", "ming", 10},  {"旭", "xu", 10},
};

constexpr std::string_view kWesternFemale[] = {
    "Emma",   "Olivia", "Sophia", "Ava",     "Mia",   "Isabella", "Amelia", "Grace",
    "Chloe",  "Lily",   "Emily",  "Hannah",  "Zoe",   "Lucy",     "Anna",   "Sarah",
    "Vivian", "Cindy",  "Angela", "Jessica", "Fiona", "Coco",     "Iris",   "Kelly",
};

constexpr std::string_view kWesternMale[] = {
    "Oliver",  "Liam", "Noah",   "Ethan", "Lucas", "James", "William", "Jack",
    "Henry",   "Leo",  "Daniel", "David", "Kevin", "Eric",  "Jason",   "Tony",
    "Michael", "Alex", "Ryan",   "Brian", "Frank", "Peter", "Sam",     "Andy",
};

constexpr std::string_view kWesternSurnames[] = {
    "Smith",  "Johnson", "Brown",  "Miller", "Wilson", "Taylor", "Anderson", "Thomas",
    "Martin", "Walker",  "Clark",  "Wright", "Green",  "Baker",  "Schmidt",  "Dubois",
    "Rossi",  "Garcia",  "Tanaka", "Kim",    "Nguyen", "Muller", "Jensen",   "Murphy",
};

// Interleaved by city so the first N stores cover as many cities as possible.
constexpr StoreSeed kStores[] = {
    {"SH001", "上海南京西路店", "上海", 160}, {"BJ001", "北京王府井店", "北京", 150},
    {"GZ001", "广州天河城店", "广州", 120},   {"SZ001", "深圳万象城店", "深圳", 120},
    {"CD001", "成都春熙路店", "成都", 110},   {"HZ001", "杭州湖滨店", "杭州", 100},
    {"SH002", "上海淮海中路店", "上海", 120}, {"BJ002", "北京三里屯店", "北京", 120},
    {"GZ002", "广州北京路店", "广州", 90},    {"SZ002", "深圳海岸城店", "深圳", 90},
    {"CD002", "成都太古里店", "成都", 90},    {"HZ002", "杭州西溪店", "杭州", 70},
    {"SH003", "上海陆家嘴店", "上海", 100},   {"BJ003", "北京西单店", "北京", 100},
    {"GZ003", "广州珠江新城店", "广州", 70},  {"SZ003", "深圳福田COCO Park店", "深圳", 70},
    {"CD003", "成都高新店", "成都", 60},      {"HZ003", "杭州滨江店", "杭州", 60},
    {"SH004", "上海徐家汇店", "上海", 90},    {"BJ004", "北京中关村店", "北京", 80},
    {"GZ004", "广州番禺万达店", "广州", 50},  {"SZ004", "深圳龙华店", "深圳", 50},
    {"SH005", "上海五角场店", "上海", 70},    {"BJ005", "北京望京店", "北京", 70},
    {"NJ001", "南京新街口店", "南京", 80},    {"WH001", "武汉江汉路店", "武汉", 80},
    {"XA001", "西安钟楼店", "西安", 70},      {"CQ001", "重庆解放碑店", "重庆", 80},
    {"SU001", "苏州观前街店", "苏州", 60},    {"TJ001", "天津滨江道店", "天津", 60},
    {"CS001", "长沙五一广场店", "长沙", 60},  {"XM001", "厦门中山路店", "厦门", 50},
};

constexpr CategorySeed kCategories[] = {
    {"服装", 25, 1.25}, {"美妆", 20, 1.05}, {"食品", 18, 0.40}, {"家居", 11, 1.10},
    {"数码", 7, 2.60},  {"母婴", 8, 0.90},  {"运动", 6, 1.30},  {"个护", 5, 0.55},
};

constexpr EmailDomain kEmailDomains[] = {
    {"qq.com", 380, 80},      {"163.com", 220, 40},    {"126.com", 100, 20}, {"gmail.com", 60, 380},
    {"sina.com", 50, 10},     {"foxmail.com", 60, 20}, {"139.com", 40, 10},  {"outlook.com", 40, 200},
    {"hotmail.com", 30, 160}, {"yahoo.com", 20, 80},
};

// China Mobile, Unicom and Telecom ranges (and the 170/171 MVNO ranges).
constexpr std::uint16_t kMobilePrefixes[] = {
    130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 150, 151, 152, 153, 155, 156, 157, 158, 159,
    170, 171, 173, 175, 176, 177, 178, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 198, 199,
};

} // namespace

std::span<const NamePart> surnames() {
    return kSurnames;
}
std::span<const NamePart> femaleGivenChars() {
    return kFemaleChars;
}
std::span<const NamePart> maleGivenChars() {
    return kMaleChars;
}
std::span<const std::string_view> westernFemaleNames() {
    return kWesternFemale;
}
std::span<const std::string_view> westernMaleNames() {
    return kWesternMale;
}
std::span<const std::string_view> westernSurnames() {
    return kWesternSurnames;
}
std::span<const StoreSeed> storeSeeds() {
    return kStores;
}
std::span<const CategorySeed> categories() {
    return kCategories;
}
std::span<const EmailDomain> emailDomains() {
    return kEmailDomains;
}
std::span<const std::uint16_t> mobilePrefixes() {
    return kMobilePrefixes;
}

} // namespace md::demo
