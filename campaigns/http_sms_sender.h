#pragma once
// SMS through a provider's own HTTP API, described by settings rather than code: a URL, a method,
// headers, a body template and a success rule. Templates use {{to}} {{from}} {{text}} {{user}}
// {{password}}; values are percent-encoded in the URL, JSON-escaped in a JSON body, percent-encoded in
// a form body, and inserted as they are otherwise.
#include "campaigns/http_gateway.h"

#include "domain/campaigns/template.h"

namespace md::campaigns {

struct HttpSmsConfig {
    std::string url; ///< may hold fields: https://api.example.cn/sms?to={{to}}
    std::string method = "POST";
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;                       ///< template
    std::string successRule = "status=2xx"; ///< "status=2xx" or "status=200", optionally " body~TEXT"
    std::string user, password, from;
};

class HttpSmsSender : public HttpGateway {
public:
    /// Throws UserError "template.invalid" for a URL, header or body template with an unknown field,
    /// and "sms.success_rule_invalid" {rule} for a rule it cannot read.
    HttpSmsSender(HttpSmsConfig config, HttpGatewayOptions options = {});

protected:
    HttpRequestSpec requestFor(const OutgoingSms& message) const override;
    /// The rule met: sent. Otherwise as classifyHttpStatus, except a 2xx that fails the rule (the
    /// provider refused in its body) is permanent.
    Outcome classify(int status, const std::string& body) const override;

private:
    HttpSmsConfig m_config;
    TextTemplate m_target, m_body;
    std::vector<std::pair<std::string, TextTemplate>> m_headers;
    int m_statusClass = 2, m_status = 0; ///< "2xx" -> class 2; "200" -> status 200
    std::string m_bodyMustContain;
    enum class BodyEscape { Json, Form, None } m_escape = BodyEscape::None;
};

/// "Name: value | Name: value" (the sms.http.headers setting) as a list.
std::vector<std::pair<std::string, std::string>> parseHeaderList(const std::string& text);

/// JSON string-content escaping (quotes, backslashes, control characters).
std::string jsonEscape(std::string_view text);

} // namespace md::campaigns
