#include "domain/time_zone.h"
#include "domain/posix_tz_rule.h"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <vector>

namespace md {

struct TimeZone::Data {
    std::string name;
    std::vector<std::int64_t> transitions; ///< UTC seconds, ascending
    std::vector<std::int32_t> offsets;     ///< offset in force from transitions[i]
    std::int32_t initialOffset = 0;        ///< before the first transition
    std::optional<PosixTzRule> footer;     ///< after the last transition (TZif v2+)
};

namespace {

using namespace std::chrono;

bool safeZoneName(std::string_view name) {
    if (name.empty() || name.size() > 255 || name.front() == '/' || name.front() == '.') return false;
    if (name.find("..") != std::string_view::npos) return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
               c == '-' || c == '+' || c == '/';
    });
}

class Reader {
public:
    explicit Reader(const std::string& bytes) : m_b(bytes) {}
    bool has(std::size_t n) const { return m_pos + n <= m_b.size(); }
    std::int64_t be(int width) {
        std::uint64_t v = 0;
        for (int i = 0; i < width; ++i)
            v = (v << 8) | static_cast<unsigned char>(m_b[m_pos++]);
        if (width == 4) return static_cast<std::int32_t>(static_cast<std::uint32_t>(v));
        return static_cast<std::int64_t>(v);
    }
    unsigned char byte() { return static_cast<unsigned char>(m_b[m_pos++]); }
    void skip(std::size_t n) { m_pos += n; }
    std::size_t pos() const { return m_pos; }

private:
    const std::string& m_b;
    std::size_t m_pos = 0;
};

struct Counts {
    std::int64_t isut, isstd, leap, time, type, chars;
};

bool readHeader(Reader& r, Counts& c, char& version) {
    if (!r.has(44)) return false;
    if (r.byte() != 'T' || r.byte() != 'Z' || r.byte() != 'i' || r.byte() != 'f') return false;
    version = static_cast<char>(r.byte());
    r.skip(15);
    c = {r.be(4), r.be(4), r.be(4), r.be(4), r.be(4), r.be(4)};
    return c.isut >= 0 && c.isstd >= 0 && c.leap >= 0 && c.time >= 0 && c.type > 0 && c.chars >= 0;
}

std::size_t blockSize(const Counts& c, int timeWidth) {
    return static_cast<std::size_t>(c.time * timeWidth + c.time + c.type * 6 + c.chars +
                                    c.leap * (timeWidth + 4) + c.isstd + c.isut);
}

/// Reads one data block (v1 with 4-byte times, v2+ with 8-byte times) into data.
bool readBlock(Reader& r, const Counts& c, int timeWidth, TimeZone::Data& data) {
    if (!r.has(blockSize(c, timeWidth))) return false;
    data.transitions.resize(static_cast<std::size_t>(c.time));
    for (auto& t : data.transitions)
        t = r.be(timeWidth);
    std::vector<unsigned char> index(static_cast<std::size_t>(c.time));
    for (auto& i : index)
        i = r.byte();
    std::vector<std::int32_t> typeOffsets(static_cast<std::size_t>(c.type));
    for (auto& o : typeOffsets) {
        o = static_cast<std::int32_t>(r.be(4));
        r.skip(2); // isdst, abbreviation index: not needed to compute instants
    }
    r.skip(static_cast<std::size_t>(c.chars + c.leap * (timeWidth + 4) + c.isstd + c.isut));
    data.offsets.clear();
    for (unsigned char i : index) {
        if (i >= typeOffsets.size()) return false;
        data.offsets.push_back(typeOffsets[i]);
    }
    // RFC 8536: local time before the first transition uses type 0.
    data.initialOffset = typeOffsets.front();
    return std::is_sorted(data.transitions.begin(), data.transitions.end());
}

Expected<TimeZone::Data> parseTzif(const std::string& bytes, std::string name) {
    const Invalid notTzif{"\"" + name + "\" is not a time zone file"};
    TimeZone::Data data;
    data.name = std::move(name);
    Reader r(bytes);
    Counts c{};
    char version = 0;
    if (!readHeader(r, c, version)) return notTzif;
    if (version == 0) {
        if (!readBlock(r, c, 4, data)) return notTzif;
        return data;
    }
    r.skip(blockSize(c, 4)); // the v1 block repeats the data with 32-bit times; use the v2 block
    if (!readHeader(r, c, version) || !readBlock(r, c, 8, data)) return notTzif;
    // Footer: "\n<POSIX TZ string>\n" governs instants after the last transition.
    const std::string rest = bytes.substr(r.pos());
    if (rest.size() >= 2 && rest.front() == '\n') {
        const auto end = rest.find('\n', 1);
        if (end != std::string::npos && end > 1) {
            auto rule = PosixTzRule::parse(std::string_view(rest).substr(1, end - 1));
            if (!rule.ok()) return Invalid{"time zone \"" + data.name + "\": " + rule.error()};
            data.footer = rule.value();
        }
    }
    return data;
}

} // namespace

Expected<TimeZone> TimeZone::load(std::string_view name, const std::filesystem::path& root) {
    const std::string n(name);
    if (!safeZoneName(name))
        return Invalid{"\"" + n + "\" is not a time zone name; use an IANA name such as Asia/Shanghai"};
    std::error_code ec;
    const auto path = root / n;
    if (!std::filesystem::is_regular_file(path, ec))
        return Invalid{"there is no time zone called \"" + n + "\"; use an IANA name such as Asia/Shanghai"};
    std::ifstream in(path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) return Invalid{"could not read the time zone file " + path.string()};
    auto data = parseTzif(bytes, n);
    if (!data.ok()) return Invalid{data.error()};
    return TimeZone(std::make_shared<const Data>(std::move(data).value()));
}

TimeZone TimeZone::utc() {
    static const auto data = std::make_shared<const Data>(Data{"UTC", {}, {}, 0, std::nullopt});
    return TimeZone(data);
}

TimeZone TimeZone::fixed(std::string name, seconds offset) {
    return TimeZone(std::make_shared<const Data>(
        Data{std::move(name), {}, {}, static_cast<std::int32_t>(offset.count()), std::nullopt}));
}

const std::string& TimeZone::name() const {
    return m_data->name;
}

seconds TimeZone::offsetAt(Timestamp at) const {
    const Data& d = *m_data;
    const std::int64_t t = at.time_since_epoch().count();
    if (d.transitions.empty() || t >= d.transitions.back()) {
        if (d.footer) return d.footer->offsetAt(at);
        return seconds(d.offsets.empty() ? d.initialOffset : d.offsets.back());
    }
    const auto it = std::upper_bound(d.transitions.begin(), d.transitions.end(), t);
    if (it == d.transitions.begin()) return seconds(d.initialOffset);
    return seconds(d.offsets[static_cast<std::size_t>(it - d.transitions.begin() - 1)]);
}

Date TimeZone::localDate(Timestamp at) const {
    return Date(floor<days>(toLocal(at).time_since_epoch()));
}

Timestamp TimeZone::fromLocal(LocalSeconds local) const {
    // The offsets a day either side cover any single transition; try the one giving the earlier instant
    // first so a repeated wall time resolves to its first occurrence.
    const Timestamp asUtc(local.time_since_epoch());
    const seconds before = offsetAt(asUtc - days(1));
    const seconds after = offsetAt(asUtc + days(1));
    const seconds first = std::max(before, after), second = std::min(before, after);
    for (seconds off : {first, second}) {
        const Timestamp t = asUtc - off;
        if (offsetAt(t) == off) return t;
    }
    // In a gap: read the wall time with the offset in force before it, which lands after the gap.
    return asUtc - before;
}

Expected<Timestamp> parseTimestampIn(std::string_view text, const TimeZone& zone) {
    auto w = parseWallTime(text);
    if (!w) return Invalid{w.error()};
    if (w.value().offset) return w.value().wall - *w.value().offset;
    return zone.fromLocal(LocalSeconds(w.value().wall.time_since_epoch()));
}

} // namespace md
