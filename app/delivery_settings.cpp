#include "app/delivery_settings.h"

#include "domain/campaigns/delivery_settings.h"
#include "domain/money.h"
#include "domain/text.h"

#include <cctype>
#include <charconv>
#include <random>

namespace md::app {

namespace {

std::string checkInt(const std::string& v, int lo, int hi, const std::string& what) {
    int n = 0;
    const auto r = std::from_chars(v.data(), v.data() + v.size(), n);
    if (r.ec != std::errc() || r.ptr != v.data() + v.size() || n < lo || n > hi)
        return what + " is a whole number from " + std::to_string(lo) + " to " + std::to_string(hi);
    return {};
}

std::string oneOf(const std::string& v, std::initializer_list<const char*> choices) {
    std::string list;
    for (const char* c : choices) {
        if (v == c) return {};
        list += (list.empty() ? "" : ", ") + std::string(c);
    }
    return "expected one of: " + list;
}

std::string checkHost(const std::string& v) {
    for (char c : v)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' || c == '[' ||
              c == ']'))
            return "a host name or IP address, without spaces or a scheme";
    return {};
}

std::string checkUrl(const std::string& v, bool httpsOnly) {
    if (v.empty()) return {};
    const bool https = v.starts_with("https://"), http = v.starts_with("http://");
    if (httpsOnly && !https) return "an https:// address (mail programs only call https links)";
    if (!https && !http) return "an http:// or https:// address";
    for (char c : v)
        if (static_cast<unsigned char>(c) <= 0x20) return "an address without spaces or control characters";
    return {};
}

std::string checkPrintable(const std::string& v) {
    for (char c : v)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return "no control characters or line breaks";
    return {};
}

// A sender is a phone number or an alphanumeric sender id (at most 11 characters, the GSM limit).
std::string checkSmsFrom(const std::string& v) {
    if (v.empty()) return {};
    const bool digits = v.find_first_not_of("+0123456789") == std::string::npos;
    if (digits && v.size() <= 20) return {};
    for (char c : v)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != ' ')
            return "a phone number or up to 11 Latin letters and digits";
    return v.size() <= 11 ? std::string() : "an alphanumeric sender is at most 11 characters";
}

} // namespace

const std::vector<SettingSpec>& deliverySettingSpecs() {
    static const std::vector<SettingSpec> specs = {
        {"smtp.host", "", "SMTP server host name for campaign email"},
        {"smtp.port", "587", "SMTP server port (25, 465 for smtps, 587 for starttls)"},
        {"smtp.security", "starttls", "none, starttls or smtps"},
        {"smtp.user", "", "SMTP login name (empty: no AUTH)"},
        {"smtp.password", "", "SMTP password", true},
        {"smtp.verify", "true", "verify the SMTP server's certificate (true|false; false only for tests)"},
        {"smtp.ca_file", "", "PEM file of trusted certificate authorities (empty: the system's)"},
        {"smtp.from", "", "sender of campaign email: Name <address>"},
        {"smtp.connections", "4", "SMTP connections used in parallel (1-16)"},
        {"sms.gateway", "kannel", "kannel (sendsms) or http (a provider's HTTP/JSON API)"},
        {"sms.url", "", "gateway address, e.g. http://127.0.0.1:13013/cgi-bin/sendsms"},
        {"sms.user", "", "gateway user name"},
        {"sms.password", "", "gateway password", true},
        {"sms.from", "", "sender number or alphanumeric sender id"},
        {"sms.cost_per_part", "0.05", "price of one SMS part (yuan), for previews and campaign cost"},
        {"sms.http.method", "POST", "http gateway: GET or POST"},
        {"sms.http.headers", "Content-Type: application/json",
         "http gateway: request headers, 'Name: value' separated by ' | '"},
        {"sms.http.body", R"({"from":"{{from}}","to":"{{to}}","text":"{{text}}"})",
         "http gateway: body template ({{to}} {{from}} {{text}} {{user}} {{password}}, JSON-escaped)"},
        {"sms.http.success", "status=2xx", "http gateway: success rule, 'status=2xx' plus ' body~TEXT'"},
        {"unsubscribe.url", "", "https address of the one-click unsubscribe endpoint"},
        {"unsubscribe.mailto", "", "address for unsubscribe mail (empty: the smtp.from address)"},
        {"quiet_hours", "21:00-09:00", "no SMS in this local window (HH:MM-HH:MM, or off)"},
        {"frequency_cap", "2/7d", "at most N messages per member in D days across channels (N/Dd, or off)"},
    };
    return specs;
}

std::string checkDeliverySetting(const std::string& key, const std::string& v) {
    if (key == "smtp.host") return checkHost(v);
    if (key == "smtp.port") return checkInt(v, 1, 65535, "the port");
    if (key == "smtp.security") return oneOf(v, {"none", "starttls", "smtps"});
    if (key == "smtp.verify") return oneOf(v, {"true", "false"});
    if (key == "smtp.connections") return checkInt(v, 1, 16, "the number of connections");
    if (key == "smtp.from" || key == "unsubscribe.mailto") {
        if (v.empty()) return {};
        auto m = campaigns::parseMailbox(v);
        if (!m) return m.error();
        if (key == "unsubscribe.mailto" && !m.value().name.empty()) return "an address only, without a name";
        return {};
    }
    if (key == "sms.gateway") return oneOf(v, {"kannel", "http"});
    if (key == "sms.url") return checkUrl(v, false);
    if (key == "unsubscribe.url") return checkUrl(v, true);
    if (key == "sms.from") return checkSmsFrom(v);
    if (key == "sms.cost_per_part") {
        auto m = Money::parse(v);
        if (!m) return m.error();
        return m.value().minor() < 0 ? "the price cannot be negative" : std::string();
    }
    if (key == "sms.http.method") return oneOf(v, {"GET", "POST"});
    if (key == "sms.http.success")
        return v.starts_with("status=") ? checkPrintable(v) : "starts with status=2xx or status=NNN";
    if (key == "quiet_hours") {
        auto q = campaigns::parseQuietHours(v);
        return q ? std::string() : q.error();
    }
    if (key == "frequency_cap") {
        auto f = campaigns::parseFrequencyCap(v);
        return f ? std::string() : f.error();
    }
    return checkPrintable(v); // user names, passwords, file names, header and body templates
}

std::string unsubscribeSecret(const RequestContext& ctx, DataStore& store) {
    if (auto v = store.read()->settings().get(kUnsubscribeSecretKey)) return *v;
    // std::random_device reads the kernel's CSPRNG (getrandom / rdrand) on the platforms we build for.
    std::random_device rd;
    static const char* const hex = "0123456789abcdef";
    std::string secret;
    for (int i = 0; i < 32; ++i) {
        const auto b = rd() & 0xFFu;
        secret += hex[b >> 4];
        secret += hex[b & 0xF];
    }
    try {
        auto uow = store.write();
        if (auto v = uow->settings().get(kUnsubscribeSecretKey)) return *v;
        uow->settings().set(kUnsubscribeSecretKey, secret, ctx.actor, formatTimestamp(ctx.now()));
        uow->commit();
        return secret;
    } catch (const std::exception&) {
        // Another process stored its secret first (the key is unique): everyone must sign with that one.
        if (auto v = store.read()->settings().get(kUnsubscribeSecretKey)) return *v;
        throw;
    }
}

} // namespace md::app
