#include "persistence/member_search_keys.h"

#include "domain/errors.h"
#include "domain/member_query.h"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <memory>
#include <vector>

namespace md::db {

namespace {

// One collator per thread: the GUI's workers and an import may compute keys at once, and a clone per
// thread is ICU's advice for anything that is not a plain compare().
icu::Collator& collator() {
    thread_local std::unique_ptr<icu::Collator> instance = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(icu::Locale("zh"), status));
        if (U_FAILURE(status) || !c)
            throw DatabaseError("The Chinese collation is not available", u_errorName(status));
        return c;
    }();
    return *instance;
}

} // namespace

std::string nameSortKey(std::string_view name) {
    const icu::UnicodeString text =
        icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
    thread_local std::vector<uint8_t> key(64);
    int32_t n = collator().getSortKey(text, key.data(), static_cast<int32_t>(key.size()));
    if (n > static_cast<int32_t>(key.size())) {
        key.resize(static_cast<std::size_t>(n));
        n = collator().getSortKey(text, key.data(), n);
    }
    // n counts the terminating 0 byte; it sorts below every other byte, so leaving it out keeps the order.
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(static_cast<std::size_t>(n > 0 ? 2 * (n - 1) : 0));
    for (int32_t i = 0; i + 1 < n; ++i) {
        out.push_back(kHex[key[static_cast<std::size_t>(i)] >> 4]);
        out.push_back(kHex[key[static_cast<std::size_t>(i)] & 0x0F]);
    }
    return out;
}

std::string cardDigitsKey(std::string_view card) {
    return cardDigits(card);
}

} // namespace md::db
