#pragma once
// Message templates: an email (subject, HTML part, plain-text part) or an SMS text with merge fields
// ({{name}}, {{points}} ...) and conditional blocks ({{#if tier == "GOLD"}}...{{else}}...{{/if}}, also !=
// and a bare {{#if field}} for "not empty", nested freely). A template is parsed once and checked before
// it is stored; a campaign then renders it for each recipient without parsing again.
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace md::campaigns {

/// Field name -> value for one recipient (already formatted: "1,280", "2026-12-31").
using MergeValues = std::map<std::string, std::string>;

/// The fields every member has: name, card_no, tier, points, points_expiring, points_expiry_date, store.
const std::set<std::string>& standardFields();

/// One thing wrong with a template, with where it is: part ("subject", "html", "text", "sms"), line and
/// column (1-based, column in characters so a Chinese line reads right).
struct TemplateProblem {
    std::string part;
    std::size_t line = 0, column = 0;
    std::string code;    ///< template.unknown_field, template.unclosed_block, template.unexpected_close,
                         ///< template.unclosed_tag, template.bad_condition, template.unexpected_else
    std::string subject; ///< the field or tag text the problem is about
    std::string message; ///< English sentence naming subject and position
};

/// One parsed part. Copyable; render() is const and safe to call from several threads at once.
class TextTemplate {
public:
    /// Parses `source`; problems (unknown fields against standardFields() + custom, unbalanced blocks)
    /// are appended to `problems`. A template with problems renders what it could parse.
    static TextTemplate parse(std::string_view source, const std::set<std::string>& customFields,
                              const std::string& part, std::vector<TemplateProblem>& problems);

    /// The text for one recipient; a field missing from `values` renders empty. With htmlEscape the
    /// values (never the template's own markup) have & < > " ' escaped.
    std::string render(const MergeValues& values, bool htmlEscape = false) const;

    /// A piece of a parsed template: literal text, a field, or an if-block with its two branches.
    struct Node {
        enum class Kind { Text, Field, If } kind = Kind::Text;
        std::string text;      ///< Text: the literal; Field and If: the field name
        std::string op, value; ///< If: "==", "!=" or "" (not empty and not "0"), and the compared value
        std::vector<Node> then, otherwise;
    };

private:
    std::vector<Node> m_nodes;
};

struct EmailTemplate {
    std::string subject, html, text;
};

struct RenderedEmail {
    std::string subject, html, text;
};

/// An email template parsed once for a whole campaign.
class CompiledEmail {
public:
    /// Throws UserError "template.invalid" {part, line, column, problem, subject} on the first problem;
    /// use checkEmailTemplate to list them all.
    explicit CompiledEmail(const EmailTemplate& t, const std::set<std::string>& customFields = {});
    RenderedEmail render(const MergeValues& values) const;

private:
    TextTemplate m_subject, m_html, m_text;
};

/// Every problem of an email template (all three parts), empty when it may be used.
std::vector<TemplateProblem> checkEmailTemplate(const EmailTemplate& t,
                                                const std::set<std::string>& customFields = {});
/// Every problem of an SMS text.
std::vector<TemplateProblem> checkSmsTemplate(std::string_view text,
                                              const std::set<std::string>& customFields = {});
/// Parses an SMS text; throws UserError "template.invalid" like CompiledEmail.
TextTemplate compileSms(std::string_view text, const std::set<std::string>& customFields = {});

/// & < > " ' as entities; everything else (Chinese included) unchanged.
std::string htmlEscape(std::string_view text);

} // namespace md::campaigns
