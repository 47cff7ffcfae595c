#include "campaigns/http_sms_sender.h"

#include "domain/text.h"
#include "domain/user_error.h"

#include <Poco/URI.h>

namespace md::campaigns {

namespace {

const std::set<std::string> kGatewayFields = {"to", "from", "text", "user", "password"};

TextTemplate parseOrRefuse(const std::string& source, const std::string& part) {
    std::vector<TemplateProblem> problems;
    auto t = TextTemplate::parse(source, kGatewayFields, part, problems);
    if (!problems.empty())
        throw UserError("template.invalid",
                        {{"part", part},
                         {"line", std::to_string(problems[0].line)},
                         {"column", std::to_string(problems[0].column)},
                         {"problem", problems[0].code},
                         {"subject", problems[0].subject}},
                        "The SMS gateway's " + part + " cannot be used: " + problems[0].message);
    return t;
}

MergeValues escaped(const MergeValues& v, std::string (*escape)(std::string_view)) {
    MergeValues out;
    for (const auto& [k, value] : v)
        out[k] = escape(value);
    return out;
}

std::string asIs(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c == '\r' || c == '\n') c = ' '; // a value must not start a new header
    return out;
}

} // namespace

HttpSmsSender::HttpSmsSender(HttpSmsConfig config, HttpGatewayOptions options)
    : HttpGateway(config.url, std::move(options)), m_config(std::move(config)) {
    const Poco::URI uri(m_config.url);
    m_target = parseOrRefuse(uri.getPathEtc().empty() ? "/" : uri.getPathEtc(), "url");
    m_body = parseOrRefuse(m_config.body, "body");
    for (const auto& [name, value] : m_config.headers) {
        m_headers.emplace_back(name, parseOrRefuse(value, "header " + name));
        const auto lower = text::lower(name + ": " + value);
        if (lower.starts_with("content-type:")) {
            if (lower.find("json") != std::string::npos)
                m_escape = BodyEscape::Json;
            else if (lower.find("x-www-form-urlencoded") != std::string::npos)
                m_escape = BodyEscape::Form;
        }
    }
    std::string rule = m_config.successRule;
    if (const auto at = rule.find(" body~"); at != std::string::npos) {
        m_bodyMustContain = rule.substr(at + 6);
        rule = rule.substr(0, at);
    }
    const bool classRule = rule.size() == 10 && rule.ends_with("xx") && rule[7] >= '1' && rule[7] <= '5';
    if (rule.starts_with("status=") && classRule)
        m_statusClass = rule[7] - '0';
    else if (rule.starts_with("status=") && rule.size() == 10)
        m_status = std::atoi(rule.c_str() + 7);
    if (!rule.starts_with("status=") || (m_status == 0 && !classRule))
        throw UserError("sms.success_rule_invalid", {{"rule", m_config.successRule}},
                        "cannot read the success rule '" + m_config.successRule +
                            "': expected status=2xx or "
                            "status=200, optionally followed by ' body~TEXT'");
}

HttpRequestSpec HttpSmsSender::requestFor(const OutgoingSms& m) const {
    const MergeValues values = {{"to", m.to},
                                {"from", m_config.from},
                                {"text", m.text},
                                {"user", m_config.user},
                                {"password", m_config.password}};
    HttpRequestSpec spec;
    spec.method = m_config.method;
    spec.target = m_target.render(escaped(values, &percentEncode));
    for (const auto& [name, t] : m_headers)
        spec.headers.emplace_back(name, t.render(escaped(values, &asIs)));
    switch (m_escape) {
    case BodyEscape::Json:
        spec.body = m_body.render(escaped(values, &jsonEscape));
        break;
    case BodyEscape::Form:
        spec.body = m_body.render(escaped(values, &percentEncode));
        break;
    case BodyEscape::None:
        spec.body = m_body.render(values);
        break;
    }
    return spec;
}

Outcome HttpSmsSender::classify(int status, const std::string& body) const {
    const bool statusOk = m_status ? status == m_status : status / 100 == m_statusClass;
    if (statusOk && (m_bodyMustContain.empty() || body.find(m_bodyMustContain) != std::string::npos))
        return Outcome::sentWith(status, body);
    if (status >= 200 && status < 300) return Outcome::permanent(status, body);
    return classifyHttpStatus(status, body);
}

std::vector<std::pair<std::string, std::string>> parseHeaderList(const std::string& textList) {
    std::vector<std::pair<std::string, std::string>> out;
    std::string_view rest = textList;
    while (!rest.empty()) {
        const auto bar = rest.find(" | ");
        const auto item = text::trim(rest.substr(0, bar));
        rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 3);
        const auto colon = item.find(':');
        if (colon == std::string_view::npos) continue;
        out.emplace_back(std::string(text::trim(item.substr(0, colon))),
                         std::string(text::trim(item.substr(colon + 1))));
    }
    return out;
}

std::string jsonEscape(std::string_view s) {
    static const char* const hex = "0123456789abcdef";
    std::string out;
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (ch == '"' || ch == '\\') {
            out += '\\';
            out += ch;
        } else if (c < 0x20) {
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 0xF];
        } else {
            out += ch;
        }
    }
    return out;
}

} // namespace md::campaigns
