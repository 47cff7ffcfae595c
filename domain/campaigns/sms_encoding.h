#pragma once
// How an SMS text travels and what it costs: GSM-7 when every character is in the GSM 03.38 alphabet
// (the extension characters ^ { } \ [ ~ ] | € and form feed take two septets), else UCS-2 (all Chinese
// text), counted in UTF-16 code units so an emoji counts two. One part holds 160 septets or 70 units; a
// longer text is split into parts of 153 or 67 (the rest is the concatenation header), and a character
// is never split across parts.
#include <cstdint>
#include <string_view>

namespace md::campaigns {

enum class SmsEncoding { Gsm7, Ucs2 };

struct SmsAnalysis {
    SmsEncoding encoding = SmsEncoding::Gsm7;
    std::int64_t characters = 0; ///< what a person counts: Unicode code points
    std::int64_t units = 0;      ///< septets (GSM-7) or UTF-16 code units (UCS-2)
    std::int64_t parts = 1;      ///< an empty text still goes out as one part
    std::int64_t cost = 0;       ///< parts x cost per part, minor units
};

/// Analyses UTF-8 text; invalid bytes count as one UCS-2 replacement character each.
SmsAnalysis analyseSms(std::string_view utf8Text, std::int64_t costPerPartMinor = 0);

/// "GSM-7" or "UCS-2".
const char* encodingName(SmsEncoding e);

/// True when the code point is in the GSM-7 default alphabet or its extension table.
bool isGsm7(std::uint32_t codePoint);

} // namespace md::campaigns
