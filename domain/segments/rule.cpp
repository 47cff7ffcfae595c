#include "domain/segments/rule.h"

#include "domain/money.h"
#include "domain/time.h"

#include <stdexcept>

namespace md::segments {

namespace {

// Thrown inside the parser only; parseRule turns it into Invalid.
struct Refused {
    std::string reason;
};

[[noreturn]] void refuse(const std::string& path, const std::string& reason) {
    throw Refused{path + ": " + reason};
}

std::string quoted(std::string_view s) {
    return json::quote(s);
}

class Parser {
public:
    Node node(const json::Value& v, const std::string& path, int depth) {
        if (++m_nodes > kMaxNodes)
            refuse(path, "the rule has more than " + std::to_string(kMaxNodes) + " conditions and groups");
        if (depth > kMaxDepth)
            refuse(path, "groups are nested deeper than " + std::to_string(kMaxDepth) + " levels");
        if (!v.isObject())
            refuse(path, "expected an object (a condition or an and / or / not group), found " +
                             std::string(json::kindName(v.kind())));
        const json::Object& o = v.asObject();
        if (o.contains("field")) return leaf(o, path);
        if (o.size() != 1)
            refuse(path,
                   "a group has exactly one key, \"and\", \"or\" or \"not\" (a condition has \"field\")");
        const auto& [key, body] = o.members().front();
        Node n;
        if (key == "not") {
            n.kind = Node::Kind::Not;
            n.children.push_back(node(body, path + ".not", depth + 1));
            return n;
        }
        if (key != "and" && key != "or")
            refuse(path, "unknown group " + quoted(key) + "; use \"and\", \"or\" or \"not\"");
        n.kind = key == "and" ? Node::Kind::And : Node::Kind::Or;
        if (!body.isArray() || body.asArray().empty())
            refuse(path + "." + key, "\"" + key + "\" takes a list of one or more conditions or groups");
        const json::Array& items = body.asArray();
        for (std::size_t i = 0; i < items.size(); ++i)
            n.children.push_back(node(items[i], path + "." + key + "[" + std::to_string(i) + "]", depth + 1));
        return n;
    }

private:
    int m_nodes = 0;

    Node leaf(const json::Object& o, const std::string& path) {
        const json::Value* field = o.find("field");
        if (!field->isString()) refuse(path, "\"field\" must be a string");
        const FieldSpec* spec = findField(field->asString());
        if (!spec)
            refuse(path, "unknown field " + quoted(field->asString()) + " (fields: " + fieldNames() + ")");
        const std::string name(spec->name);
        for (const auto& m : o.members()) {
            const bool known =
                m.key == "field" || m.key == "op" || m.key == "value" ||
                (spec->type == FieldType::Count && (m.key == "days" || m.key == spec->subjectKey));
            if (!known) refuse(path, "unknown key " + quoted(m.key) + " in a condition on " + name);
        }
        const json::Value* op = o.find("op");
        if (!op || !op->isString()) refuse(path, "a condition on " + name + " needs \"op\" (a string)");
        const auto parsed = parseOp(op->asString());
        if (!parsed || !spec->takes(*parsed))
            refuse(path, (parsed ? "op " : "unknown op ") + quoted(op->asString()) + " is not allowed on " +
                             name + " (ops: " + opNames(*spec) + ")");
        const json::Value* value = o.find("value");
        if (!value) refuse(path, "a condition on " + name + " needs \"value\"");
        Node n;
        Condition& c = n.leaf;
        c.spec = spec;
        c.op = *parsed;
        c.value = *value;
        readValue(c, *value, path);
        if (spec->type == FieldType::Count) readWindow(c, o, path);
        return n;
    }

    void readValue(Condition& c, const json::Value& v, const std::string& path) {
        const FieldSpec& f = *c.spec;
        const std::string name(f.name);
        const auto wrong = [&](const std::string& expected) {
            refuse(path, "the value of " + name + " must be " + expected + ", not " +
                             std::string(json::kindName(v.kind())));
        };
        switch (f.type) {
        case FieldType::Text:
            if (c.op == Op::In || c.op == Op::NotIn) {
                if (!v.isArray() || v.asArray().empty()) wrong("a list of one or more strings");
                if (v.asArray().size() > kMaxListValues)
                    refuse(path, name + " lists more than " + std::to_string(kMaxListValues) + " values");
                for (const json::Value& item : v.asArray()) {
                    if (!item.isString()) wrong("a list of strings");
                    c.texts.push_back(text(f, item.asString(), path));
                }
            } else {
                if (!v.isString()) wrong("a string");
                c.texts.push_back(text(f, v.asString(), path));
            }
            return;
        case FieldType::Integer:
        case FieldType::Window:
        case FieldType::Count:
            if (!v.isInteger()) wrong("a whole number");
            c.number = v.asInteger();
            if (c.number < f.min || c.number > f.max)
                refuse(path, "the value of " + name + " must be between " + std::to_string(f.min) + " and " +
                                 std::to_string(f.max) + ", not " + std::to_string(c.number));
            return;
        case FieldType::Boolean:
            if (!v.isBool()) wrong("true or false");
            c.number = v.asBool() ? 1 : 0;
            return;
        case FieldType::Date: {
            if (!v.isString()) wrong("a date \"YYYY-MM-DD\"");
            const auto d = parseDate(v.asString());
            if (!d) refuse(path, "the value of " + name + " is not a date: " + d.error());
            c.number = d.value().time_since_epoch().count();
            return;
        }
        case FieldType::Money: {
            if (!v.isString()) wrong("an amount in yuan as a string (\"1000.00\")");
            const auto m = Money::parse(v.asString());
            if (!m) refuse(path, "the value of " + name + " is not an amount: " + m.error());
            c.number = m.value().minor();
            return;
        }
        }
    }

    std::string text(const FieldSpec& f, const std::string& s, const std::string& path) {
        if (s.size() > kMaxTextBytes)
            refuse(path, "a value of " + std::string(f.name) + " is longer than " +
                             std::to_string(kMaxTextBytes) + " bytes");
        if (f.choices.empty()) {
            if (s.empty()) refuse(path, "a value of " + std::string(f.name) + " is empty");
            return s;
        }
        for (const std::string& choice : f.choices)
            if (choice == s) return s;
        std::string known;
        for (const std::string& choice : f.choices)
            known += (known.empty() ? "" : ", ") + quoted(choice);
        refuse(path, quoted(s) + " is not a value of " + std::string(f.name) + " (values: " + known + ")");
    }

    void readWindow(Condition& c, const json::Object& o, const std::string& path) {
        const std::string name(c.spec->name), key(c.spec->subjectKey);
        const json::Value* subject = o.find(key);
        if (!subject || !subject->isString() || subject->asString().empty())
            refuse(path, name + " needs \"" + key + "\": the " + key + " to count purchases of (a string)");
        if (subject->asString().size() > kMaxTextBytes)
            refuse(path, "the " + key + " of " + name + " is longer than " + std::to_string(kMaxTextBytes) +
                             " bytes");
        c.subject = subject->asString();
        const json::Value* days = o.find("days");
        if (!days || !days->isInteger() || days->asInteger() < 1 || days->asInteger() > kMaxWindowDays)
            refuse(path,
                   name + " needs \"days\": the window in days, 1 to " + std::to_string(kMaxWindowDays));
        c.days = days->asInteger();
    }
};

void collect(const Node& n, std::vector<const Condition*>& out) {
    if (n.kind == Node::Kind::Leaf) {
        out.push_back(&n.leaf);
        return;
    }
    for (const Node& child : n.children)
        collect(child, out);
}

} // namespace

Expected<Node> ruleFromJson(const json::Value& v) {
    try {
        return Parser().node(v, "$", 1);
    } catch (const Refused& r) {
        return Invalid{r.reason};
    }
}

Expected<Node> parseRule(std::string_view text) {
    const json::Parsed parsed = json::parse(text);
    if (!parsed) return Invalid{"the rule is not valid JSON: " + parsed.error().describe()};
    return ruleFromJson(parsed.value());
}

json::Value ruleToJson(const Node& n) {
    json::Object o;
    switch (n.kind) {
    case Node::Kind::Leaf: {
        const Condition& c = n.leaf;
        o.set("field", std::string(c.spec->name));
        o.set("op", std::string(opText(c.op)));
        o.set("value", c.value);
        if (c.spec->type == FieldType::Count) {
            o.set(std::string(c.spec->subjectKey), c.subject);
            o.set("days", c.days);
        }
        return o;
    }
    case Node::Kind::Not:
        o.set("not", ruleToJson(n.children.at(0)));
        return o;
    case Node::Kind::And:
    case Node::Kind::Or: {
        json::Array items;
        for (const Node& child : n.children)
            items.push_back(ruleToJson(child));
        o.set(n.kind == Node::Kind::And ? "and" : "or", std::move(items));
        return o;
    }
    }
    throw std::logic_error("unknown rule node kind");
}

std::string writeRule(const Node& n, bool pretty) {
    return json::write(ruleToJson(n), pretty);
}

std::vector<const Condition*> conditions(const Node& n) {
    std::vector<const Condition*> out;
    collect(n, out);
    return out;
}

} // namespace md::segments
