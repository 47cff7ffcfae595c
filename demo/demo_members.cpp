// Who a demo member is: name, phone, email, birthday, gender, join date, home store, consent.
#include "demo/demo_names.h"
#include "demo/demo_profile.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace md::demo {

Permutation::Permutation(std::uint64_t n, std::uint64_t seed) : m_n(std::max<std::uint64_t>(n, 1)) {
    int bits = 2;
    while (bits < 64 && (std::uint64_t{1} << bits) < m_n)
        bits += 2;
    m_halfBits = bits / 2;
    for (auto& k : m_keys)
        k = splitmix64(seed);
}

std::uint64_t Permutation::operator()(std::uint64_t x) const {
    const std::uint64_t mask = (std::uint64_t{1} << m_halfBits) - 1;
    x %= m_n;
    // Cycle walking: the Feistel network permutes [0, 2^bits); re-applying it until the value falls
    // below n yields a permutation of [0, n). 2^bits < 4n, so this takes under 4 rounds on average.
    do {
        std::uint64_t left = x >> m_halfBits, right = x & mask;
        for (const std::uint64_t key : m_keys) {
            std::uint64_t f = right ^ key;
            f = splitmix64(f);
            const std::uint64_t next = left ^ (f & mask);
            left = right;
            right = next;
        }
        x = (left << m_halfBits) | right;
    } while (x >= m_n);
    return x;
}

namespace {

constexpr double kLatinShare = 0.15;
constexpr double kEmailShareChinese = 0.665, kEmailShareLatin = 0.88;
constexpr double kEmailConsent = 0.60, kSmsConsent = 0.70;
constexpr double kMeanOrderValue = 228.0; // yuan; × the category mix (~1.075) + ¥5 gives ~¥250 per order

void appendNumber(std::string& out, std::uint64_t v, int width = 0) {
    char buf[24];
    const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
    const int len = static_cast<int>(end - buf);
    if (width > len) out.append(static_cast<std::size_t>(width - len), '0');
    out.append(buf, end);
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string capitalised(std::string_view pinyin) {
    std::string out(pinyin);
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

} // namespace

MemberBuilder::MemberBuilder(const DemoContext& ctx) : m_ctx(ctx) {
    const auto byWeight = [](const NamePart& p) { return p.weight; };
    m_surnameCum = cumulativeOf(surnames(), byWeight);
    m_femaleCum = cumulativeOf(femaleGivenChars(), byWeight);
    m_maleCum = cumulativeOf(maleGivenChars(), byWeight);
    m_domainCnCum = cumulativeOf(emailDomains(), [](const EmailDomain& d) { return d.chineseWeight; });
    m_domainLatinCum = cumulativeOf(emailDomains(), [](const EmailDomain& d) { return d.latinWeight; });
}

// Join dates follow the member index through the inverse CDF of exponential growth (three times as
// many sign-ups per day at the end as at the start), so card numbers rise with join dates as they do
// when cards are issued in sequence.
Date MemberBuilder::joinDateOf(std::int64_t idx) const {
    const double span = static_cast<double>((m_ctx.end - m_ctx.start).count());
    if (span <= 0 || m_ctx.members <= 0) return m_ctx.start;
    const double g = std::log(3.0) / span;
    const double u = (static_cast<double>(idx) - 0.5) / static_cast<double>(m_ctx.members);
    const double day = std::log1p(u * std::expm1(g * span)) / g;
    const auto d = std::min(static_cast<std::int64_t>(day), static_cast<std::int64_t>(span));
    return m_ctx.start + std::chrono::days{d};
}

void MemberBuilder::makeName(Rng& rng, bool latin, bool female) {
    const auto& sur = surnames()[rng.pickCumulative(m_surnameCum)];
    m_surnamePinyin.assign(sur.pinyin);
    if (latin) {
        const auto firsts = female ? westernFemaleNames() : westernMaleNames();
        m_latinFirst = lower(firsts[rng.below(firsts.size())]);
        // Most Latin-named members are Chinese with an English first name ("Emma Zhang").
        if (rng.chance(0.6)) {
            m_latinLast.assign(sur.pinyin);
        } else {
            const auto lasts = westernSurnames();
            m_latinLast = lower(lasts[rng.below(lasts.size())]);
        }
        m_member.name = capitalised(m_latinFirst) + " " + capitalised(m_latinLast);
        return;
    }
    const auto chars = female ? femaleGivenChars() : maleGivenChars();
    const auto& cum = female ? m_femaleCum : m_maleCum;
    const int length = rng.chance(0.25) ? 1 : 2;
    m_member.name.assign(sur.hanzi);
    m_givenPinyin.clear();
    m_givenInitials.clear();
    for (int i = 0; i < length; ++i) {
        const auto& c = chars[rng.pickCumulative(cum)];
        m_member.name.append(c.hanzi);
        m_givenPinyin.append(c.pinyin);
        m_givenInitials.push_back(c.pinyin[0]);
    }
}

void MemberBuilder::makeEmail(std::int64_t idx, Rng& rng, bool latin) {
    const auto& domain = emailDomains()[rng.pickCumulative(latin ? m_domainLatinCum : m_domainCnCum)].domain;
    std::string local;
    const auto i = static_cast<std::uint64_t>(idx);
    if (!latin && domain == "qq.com" && rng.chance(0.6)) {
        // A QQ number: digits only, so it can never equal a name-based local part.
        appendNumber(local, 100'000'000ULL + m_ctx.qqPerm(i));
    } else {
        const std::string& a = latin ? m_latinFirst : m_givenPinyin;
        const std::string& b = latin ? m_latinLast : m_surnamePinyin;
        switch (rng.below(5)) {
        case 0:
            local = b + a;
            break;
        case 1:
            local = a + "." + b;
            break;
        case 2:
            local = b + "_" + a;
            break;
        case 3:
            local = (latin ? a.substr(0, 1) : m_givenInitials) + b;
            break;
        default:
            local = a + b;
            break;
        }
        // A fixed-width suffix from a bijection of the index makes every local part unique.
        appendNumber(local, m_ctx.emailPerm(i), m_ctx.emailSuffixDigits);
    }
    local.push_back('@');
    local.append(domain);
    m_member.email = EmailAddress::parse(local).value();
}

MemberTraits MemberBuilder::build(std::int64_t idx, Rng& rng) {
    MemberTraits traits;
    Member& m = m_member;
    m.id = 0;
    m.version = 0;
    m.status = MemberStatus::Active;
    std::string card = "MD";
    appendNumber(card, static_cast<std::uint64_t>(idx), 8);
    m.card = CardNumber::parse(card).value();
    m.joinDate = joinDateOf(idx);

    const bool latin = rng.chance(kLatinShare);
    const double g = rng.uniform();
    m.gender = g < 0.62 ? Gender::Female : g < 0.98 ? Gender::Male : Gender::Unknown;
    const bool female = m.gender == Gender::Female || (m.gender == Gender::Unknown && rng.chance(0.5));
    makeName(rng, latin, female);

    const std::uint64_t v = m_ctx.phonePerm(static_cast<std::uint64_t>(idx));
    std::string phone;
    appendNumber(phone, mobilePrefixes()[v / 100'000'000ULL] * 100'000'000ULL + v % 100'000'000ULL);
    m.phone = PhoneNumber::parse(phone).value();

    if (rng.chance(latin ? kEmailShareLatin : kEmailShareChinese))
        makeEmail(idx, rng, latin);
    else
        m.email.reset();

    // Age at joining: 18–70, most members in their late twenties to forties.
    double age = 0;
    do
        age = 18.0 + rng.gamma(3.0, 5.5);
    while (age >= 70.0);
    const auto ageYears = static_cast<std::int64_t>(age);
    m.birthday = m.joinDate - std::chrono::days{ageYears * 365 + ageYears / 4 + rng.between(0, 364)};

    traits.homeStore = static_cast<std::uint16_t>(rng.pickCumulative(m_ctx.storeCumulative));
    m.homeStore = m_ctx.stores[traits.homeStore].store.code;
    traits.favouriteCategory = static_cast<std::uint8_t>(rng.pickCumulative(m_ctx.categoryCumulative));
    traits.meanOrderValue = rng.gamma(3.0, kMeanOrderValue / 3.0);

    const Timestamp joined{m.joinDate};
    if (m.email)
        m.emailConsent = Consent{rng.chance(kEmailConsent), "demo", joined};
    else
        m.emailConsent = Consent{};
    m.smsConsent = Consent{rng.chance(kSmsConsent), "demo", joined};
    return traits;
}

} // namespace md::demo
