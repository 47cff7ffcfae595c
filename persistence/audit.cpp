#include "persistence/audit.h"

#include "persistence/member_mapping.h"
#include "persistence/sql_errors.h"

#include <soci/soci.h>

#include <cstdio>

namespace md::db {

namespace {

// A flat JSON object written in call order, so the same member always gives the same text and two
// audit rows can be compared line by line.
class JsonObject {
public:
    JsonObject& text(const char* key, const std::string& value) {
        beginKey(key);
        quote(value);
        return *this;
    }
    JsonObject& text(const char* key, const std::optional<std::string>& value) {
        if (!value) return null(key);
        return text(key, *value);
    }
    JsonObject& number(const char* key, std::int64_t value) {
        beginKey(key);
        m_out += std::to_string(value);
        return *this;
    }
    JsonObject& boolean(const char* key, bool value) {
        beginKey(key);
        m_out += value ? "true" : "false";
        return *this;
    }
    JsonObject& null(const char* key) {
        beginKey(key);
        m_out += "null";
        return *this;
    }
    std::string str() const { return m_out + "}"; }

private:
    void beginKey(const char* key) {
        m_out += m_out.size() == 1 ? "" : ",";
        quote(key);
        m_out += ':';
    }
    // UTF-8 passes through untouched (JSON text is UTF-8); only what JSON forbids raw is escaped.
    void quote(const std::string& s) {
        m_out += '"';
        for (unsigned char c : s) {
            switch (c) {
            case '"':
                m_out += "\\\"";
                break;
            case '\\':
                m_out += "\\\\";
                break;
            case '\n':
                m_out += "\\n";
                break;
            case '\r':
                m_out += "\\r";
                break;
            case '\t':
                m_out += "\\t";
                break;
            case '\b':
                m_out += "\\b";
                break;
            case '\f':
                m_out += "\\f";
                break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    m_out += buf;
                } else {
                    m_out += static_cast<char>(c);
                }
            }
        }
        m_out += '"';
    }
    std::string m_out = "{";
};

std::optional<std::string> optTime(const std::optional<Timestamp>& t) {
    return t ? std::optional<std::string>(formatTimestamp(*t)) : std::nullopt;
}

} // namespace

void appendAudit(Database& db, const Actor& who, const std::string& action, const std::string& entity,
                 const std::string& entityKey, const std::optional<std::string>& beforeJson,
                 const std::optional<std::string>& afterJson) {
    withSqlErrors(db, "Could not write the audit trail", [&] {
        const std::string at = formatTimestamp(nowUtc());
        std::string before = beforeJson.value_or(""), after = afterJson.value_or("");
        soci::indicator beforeInd = beforeJson ? soci::i_ok : soci::i_null;
        soci::indicator afterInd = afterJson ? soci::i_ok : soci::i_null;
        db.sql() << "INSERT INTO audit_log (at, actor, action, entity, entity_key, before_json, after_json) "
                    "VALUES (:at, :actor, :action, :entity, :entity_key, :before_json, :after_json)",
            soci::use(at, "at"), soci::use(who.name, "actor"), soci::use(action, "action"),
            soci::use(entity, "entity"), soci::use(entityKey, "entity_key"),
            soci::use(before, beforeInd, "before_json"), soci::use(after, afterInd, "after_json");
    });
}

std::vector<AuditEntry> auditTrail(Database& db, const std::string& entity, const std::string& entityKey) {
    return withSqlErrors(db, "Could not read the audit trail", [&] {
        std::vector<AuditEntry> out;
        soci::rowset<soci::row> rows =
            (db.sql().prepare
                 << "SELECT id, at, actor, action, entity, entity_key, before_json, after_json "
                    "FROM audit_log WHERE entity = :entity AND entity_key = :entity_key ORDER BY id",
             soci::use(entity, "entity"), soci::use(entityKey, "entity_key"));
        for (const auto& r : rows)
            out.push_back(AuditEntry{rowInt(r, 0), rowText(r, 1), rowText(r, 2), rowText(r, 3), rowText(r, 4),
                                     rowText(r, 5), rowOptText(r, 6), rowOptText(r, 7)});
        return out;
    });
}

std::string memberToJson(const Member& m) {
    JsonObject j;
    j.number("id", m.id)
        .text("card_no", m.card.str())
        .text("name", m.name)
        .text("phone", m.phone ? std::optional(m.phone->e164()) : std::nullopt)
        .text("email", m.email ? std::optional(m.email->str()) : std::nullopt)
        .text("birthday", m.birthday ? std::optional(formatDate(*m.birthday)) : std::nullopt)
        .text("gender", toCode(m.gender))
        .text("join_date", formatDate(m.joinDate))
        .text("home_store", m.homeStore)
        .text("status", toCode(m.status))
        .boolean("email_consent", m.emailConsent.granted)
        .text("email_consent_source", m.emailConsent.source)
        .text("email_consent_at", optTime(m.emailConsent.at))
        .boolean("sms_consent", m.smsConsent.granted)
        .text("sms_consent_source", m.smsConsent.source)
        .text("sms_consent_at", optTime(m.smsConsent.at))
        .number("version", m.version);
    return j.str();
}

std::string storeToJson(const Store& s) {
    JsonObject j;
    j.number("id", s.id).text("code", s.code).text("name", s.name).text("city", s.city);
    return j.str();
}

std::string settingToJson(const std::string& key, const std::string& value) {
    JsonObject j;
    j.text("key", key).text("value", value);
    return j.str();
}

} // namespace md::db
