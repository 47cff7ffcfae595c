#include "app/member_search.h"

#include "app/members.h"
#include "domain/member_query.h"

namespace md::app {

MemberMatches findMembersCounted(const RequestContext& ctx, DataStore& store, const std::string& text,
                                 int limit) {
    MemberMatches m;
    m.rows = findMembers(ctx, store, text, limit);
    // Counting is a second query: only worth it when the first one was cut off.
    m.total = m.rows.size() < static_cast<std::size_t>(limit)
                  ? static_cast<std::int64_t>(m.rows.size())
                  : store.read()->members().count(classifyQuery(text));
    return m;
}

} // namespace md::app
