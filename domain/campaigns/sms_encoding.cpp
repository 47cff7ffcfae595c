#include "domain/campaigns/sms_encoding.h"

#include "domain/utf8.h"

#include <algorithm>
#include <array>
#include <vector>

namespace md::campaigns {

namespace {

// GSM 03.38 default alphabet outside printable ASCII (ASCII is handled in septets()).
constexpr std::array<std::uint32_t, 41> kBasicNonAscii = {
    0xA3,  0xA5,  0xE8,  0xE9,  0xF9,  0xEC,  0xF2,  0xC7,  0xD8, 0xF8, 0xC5, 0xE5, 0x394, 0x3A6,
    0x393, 0x39B, 0x3A9, 0x3A0, 0x3A8, 0x3A3, 0x398, 0x39E, 0xC6, 0xE6, 0xDF, 0xC9, 0xA4,  0xA1,
    0xC4,  0xD6,  0xD1,  0xDC,  0xA7,  0xBF,  0xE4,  0xF6,  0xF1, 0xFC, 0xE0, 0x0A, 0x0D};

// Septets a code point takes in GSM-7: 1, 2 (extension table, sent after an escape), or 0 if absent.
int septets(std::uint32_t cp) {
    switch (cp) {
    case '^':
    case '{':
    case '}':
    case '\\':
    case '[':
    case '~':
    case ']':
    case '|':
    case 0x20AC:
    case 0x0C:
        return 2;
    case '`':
        return 0;
    default:
        break;
    }
    if (cp >= 0x20 && cp < 0x7F) return 1;
    return std::find(kBasicNonAscii.begin(), kBasicNonAscii.end(), cp) != kBasicNonAscii.end() ? 1 : 0;
}

// Greedy packing: a character that does not fit in what is left of a part starts the next one.
std::int64_t countParts(const std::vector<int>& widths, std::int64_t single, std::int64_t multi) {
    std::int64_t total = 0;
    for (int w : widths)
        total += w;
    if (total <= single) return 1;
    std::int64_t parts = 1, used = 0;
    for (int w : widths) {
        if (used + w > multi) {
            ++parts;
            used = 0;
        }
        used += w;
    }
    return parts;
}

} // namespace

bool isGsm7(std::uint32_t codePoint) {
    return septets(codePoint) > 0;
}

const char* encodingName(SmsEncoding e) {
    return e == SmsEncoding::Gsm7 ? "GSM-7" : "UCS-2";
}

SmsAnalysis analyseSms(std::string_view text, std::int64_t costPerPartMinor) {
    std::vector<std::uint32_t> cps;
    for (std::size_t i = 0; i < text.size();) {
        const auto len = utf8::sequenceLength(text, i);
        cps.push_back(len == 0 ? 0xFFFD : utf8::decode(text, i, len));
        i += len == 0 ? 1 : len;
    }
    SmsAnalysis a;
    a.characters = static_cast<std::int64_t>(cps.size());
    const bool gsm = std::all_of(cps.begin(), cps.end(), [](std::uint32_t cp) { return septets(cp) > 0; });
    a.encoding = gsm ? SmsEncoding::Gsm7 : SmsEncoding::Ucs2;
    std::vector<int> widths;
    widths.reserve(cps.size());
    for (auto cp : cps)
        widths.push_back(gsm ? septets(cp) : cp > 0xFFFF ? 2 : 1);
    for (int w : widths)
        a.units += w;
    a.parts = gsm ? countParts(widths, 160, 153) : countParts(widths, 70, 67);
    a.cost = a.parts * costPerPartMinor;
    return a;
}

} // namespace md::campaigns
