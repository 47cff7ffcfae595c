#include "domain/campaigns/template.h"

#include "domain/text.h"
#include "domain/user_error.h"
#include "domain/utf8.h"

namespace md::campaigns {

namespace {

using Node = TextTemplate::Node;

bool isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
}

class Parser {
public:
    Parser(std::string_view src, const std::set<std::string>& custom, const std::string& part,
           std::vector<TemplateProblem>& problems)
        : m_src(src), m_custom(custom), m_part(part), m_problems(problems) {}

    std::vector<Node> run() {
        std::vector<Node> root;
        std::vector<Open> open; // the if-blocks not yet closed, innermost last
        auto target = [&]() -> std::vector<Node>& {
            if (open.empty()) return root;
            Node& n = *open.back().node;
            return open.back().inElse ? n.otherwise : n.then;
        };
        std::size_t pos = 0;
        while (pos < m_src.size()) {
            const auto start = m_src.find("{{", pos);
            if (start == std::string_view::npos) {
                appendText(target(), m_src.substr(pos));
                break;
            }
            appendText(target(), m_src.substr(pos, start - pos));
            const auto end = m_src.find("}}", start + 2);
            if (end == std::string_view::npos) {
                problem(start, "template.unclosed_tag", std::string(m_src.substr(start, 20)),
                        "'{{' is never closed with '}}'");
                break;
            }
            const auto tag = text::trim(m_src.substr(start + 2, end - start - 2));
            pos = end + 2;
            if (tag.starts_with("#if")) {
                Node n;
                n.kind = Node::Kind::If;
                if (!parseCondition(tag.substr(3), start, n)) continue;
                auto& list = target();
                list.push_back(std::move(n));
                // Pointers into a vector stay valid: nothing is appended to `list` until this block closes.
                open.push_back({&list.back(), start, false});
            } else if (tag == "else") {
                if (open.empty() || open.back().inElse)
                    problem(start, "template.unexpected_else", "{{else}}",
                            "{{else}} is not inside an {{#if}} block (or the block already has one)");
                else
                    open.back().inElse = true;
            } else if (tag == "/if") {
                if (open.empty())
                    problem(start, "template.unexpected_close", "{{/if}}", "{{/if}} closes no {{#if}} block");
                else
                    open.pop_back();
            } else {
                const std::string name(tag);
                if (checkField(name, start)) target().push_back({Node::Kind::Field, name, {}, {}, {}, {}});
            }
        }
        for (const auto& o : open)
            problem(o.at, "template.unclosed_block", std::string(tagText(o.at)),
                    "the block " + std::string(tagText(o.at)) + " is never closed with {{/if}}");
        return root;
    }

private:
    struct Open {
        Node* node;
        std::size_t at;
        bool inElse;
    };

    std::string_view tagText(std::size_t at) const {
        const auto end = m_src.find("}}", at);
        return m_src.substr(at, end == std::string_view::npos ? 20 : end + 2 - at);
    }

    static void appendText(std::vector<Node>& list, std::string_view text) {
        if (!text.empty()) list.push_back({Node::Kind::Text, std::string(text), {}, {}, {}, {}});
    }

    bool checkField(const std::string& name, std::size_t at) {
        if (standardFields().count(name) || m_custom.count(name)) return true;
        problem(at, "template.unknown_field", name, "unknown merge field '" + name + "'");
        return false;
    }

    // `#if field`, `#if field == "value"`, `#if field != value`.
    bool parseCondition(std::string_view rest, std::size_t at, Node& n) {
        rest = text::trim(rest);
        std::size_t i = 0;
        while (i < rest.size() && isNameChar(rest[i]))
            ++i;
        n.text = std::string(rest.substr(0, i));
        rest = text::trim(rest.substr(i));
        const std::string whole(tagText(at));
        if (n.text.empty()) return bad(at, whole, "a condition starts with a field name");
        if (!checkField(n.text, at)) return false;
        if (rest.empty()) return true;
        if (!rest.starts_with("==") && !rest.starts_with("!="))
            return bad(at, whole, "a condition compares with == or !=");
        n.op = std::string(rest.substr(0, 2));
        rest = text::trim(rest.substr(2));
        if (rest.starts_with('"')) {
            std::size_t k = 1;
            for (; k < rest.size() && rest[k] != '"'; ++k) {
                if (rest[k] == '\\' && k + 1 < rest.size()) ++k;
                n.value.push_back(rest[k]);
            }
            if (k >= rest.size()) return bad(at, whole, "the quoted value is never closed");
            rest = text::trim(rest.substr(k + 1));
        } else {
            std::size_t k = 0;
            while (k < rest.size() && !text::isSpace(rest[k]))
                ++k;
            n.value = std::string(rest.substr(0, k));
            rest = text::trim(rest.substr(k));
            if (n.value.empty()) return bad(at, whole, "a value follows " + n.op);
        }
        if (!rest.empty()) return bad(at, whole, "unexpected '" + std::string(rest) + "' after the value");
        return true;
    }

    bool bad(std::size_t at, const std::string& tag, const std::string& why) {
        problem(at, "template.bad_condition", tag, "bad condition " + tag + ": " + why);
        return false;
    }

    void problem(std::size_t at, std::string code, std::string subject, const std::string& what) {
        TemplateProblem p{m_part, 1, 1, std::move(code), std::move(subject), {}};
        for (std::size_t i = 0; i < at;) {
            const auto len = std::max<std::size_t>(1, utf8::sequenceLength(m_src, i));
            if (m_src[i] == '\n') {
                ++p.line;
                p.column = 1;
            } else {
                ++p.column;
            }
            i += len;
        }
        p.message =
            m_part + " line " + std::to_string(p.line) + ", column " + std::to_string(p.column) + ": " + what;
        m_problems.push_back(std::move(p));
    }

    std::string_view m_src;
    const std::set<std::string>& m_custom;
    const std::string& m_part;
    std::vector<TemplateProblem>& m_problems;
};

void renderNodes(const std::vector<Node>& nodes, const MergeValues& values, bool escape, std::string& out) {
    static const std::string kEmpty;
    auto valueOf = [&](const std::string& name) -> const std::string& {
        const auto it = values.find(name);
        return it == values.end() ? kEmpty : it->second;
    };
    for (const auto& n : nodes) {
        switch (n.kind) {
        case Node::Kind::Text:
            out += n.text;
            break;
        case Node::Kind::Field:
            out += escape ? htmlEscape(valueOf(n.text)) : valueOf(n.text);
            break;
        case Node::Kind::If: {
            const auto& v = valueOf(n.text);
            // A bare condition means "has a value": "0" counts as none so {{#if points_expiring}} works.
            const bool yes = n.op == "=="   ? v == n.value
                             : n.op == "!=" ? v != n.value
                                            : !v.empty() && v != "0";
            renderNodes(yes ? n.then : n.otherwise, values, escape, out);
            break;
        }
        }
    }
}

[[noreturn]] void refuse(const TemplateProblem& p) {
    throw UserError("template.invalid",
                    {{"part", p.part},
                     {"line", std::to_string(p.line)},
                     {"column", std::to_string(p.column)},
                     {"problem", p.code},
                     {"subject", p.subject}},
                    "The template cannot be used: " + p.message);
}

} // namespace

const std::set<std::string>& standardFields() {
    static const std::set<std::string> fields = {
        "name", "card_no", "tier", "points", "points_expiring", "points_expiry_date", "store"};
    return fields;
}

TextTemplate TextTemplate::parse(std::string_view source, const std::set<std::string>& customFields,
                                 const std::string& part, std::vector<TemplateProblem>& problems) {
    TextTemplate t;
    t.m_nodes = Parser(source, customFields, part, problems).run();
    return t;
}

std::string TextTemplate::render(const MergeValues& values, bool escape) const {
    std::string out;
    renderNodes(m_nodes, values, escape, out);
    return out;
}

std::string htmlEscape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out.push_back(c);
        }
    }
    return out;
}

std::vector<TemplateProblem> checkEmailTemplate(const EmailTemplate& t,
                                                const std::set<std::string>& customFields) {
    std::vector<TemplateProblem> problems;
    TextTemplate::parse(t.subject, customFields, "subject", problems);
    TextTemplate::parse(t.html, customFields, "html", problems);
    TextTemplate::parse(t.text, customFields, "text", problems);
    return problems;
}

std::vector<TemplateProblem> checkSmsTemplate(std::string_view text,
                                              const std::set<std::string>& customFields) {
    std::vector<TemplateProblem> problems;
    TextTemplate::parse(text, customFields, "sms", problems);
    return problems;
}

CompiledEmail::CompiledEmail(const EmailTemplate& t, const std::set<std::string>& customFields) {
    std::vector<TemplateProblem> problems;
    m_subject = TextTemplate::parse(t.subject, customFields, "subject", problems);
    m_html = TextTemplate::parse(t.html, customFields, "html", problems);
    m_text = TextTemplate::parse(t.text, customFields, "text", problems);
    if (!problems.empty()) refuse(problems.front());
}

RenderedEmail CompiledEmail::render(const MergeValues& values) const {
    return {m_subject.render(values), m_html.render(values, true), m_text.render(values)};
}

TextTemplate compileSms(std::string_view text, const std::set<std::string>& customFields) {
    std::vector<TemplateProblem> problems;
    auto t = TextTemplate::parse(text, customFields, "sms", problems);
    if (!problems.empty()) refuse(problems.front());
    return t;
}

} // namespace md::campaigns
