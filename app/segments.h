#pragma once
// Use cases on segments (细分): save a named rule, count and preview the members it selects, export them
// to CSV, list the segments, freeze a snapshot (docs/segments.md). "Today" for relative fields is the
// request's day in the programme's zone.
#include "app/request_context.h"
#include "domain/segments/segment_repository.h"
#include "domain/unit_of_work.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace md::app {

/// Parses and checks a rule: the catalogue's checks and tier codes against the programme in force.
/// Throws UserError "segment.invalid_rule" {reason} (the reason names the path, field, op or value).
segments::Node checkSegmentRule(const RequestContext& ctx, DataStore& store, const std::string& ruleJson);

/// Stores a new dynamic segment (audited; event segment_created). Throws UserError
/// "segment.invalid_name" {name, reason}, "segment.exists" {name}, "segment.invalid_rule" {reason}.
segments::Segment createSegment(const RequestContext& ctx, DataStore& store, const std::string& name,
                                const std::string& ruleJson);
/// Every segment, by name.
std::vector<segments::Segment> listSegments(const RequestContext& ctx, DataStore& store);
/// Throws UserError "segment.unknown" {name}.
segments::Segment findSegment(const RequestContext& ctx, DataStore& store, const std::string& name);

/// Members of a stored segment now (a frozen one: its snapshot). Throws "segment.unknown".
std::int64_t countSegment(const RequestContext& ctx, DataStore& store, const std::string& name);
/// Members a rule selects now, without storing it (the builder's live count). Throws "segment.invalid_rule".
std::int64_t countRule(const RequestContext& ctx, DataStore& store, const std::string& ruleJson);
/// The first `limit` members by id (the builder's preview).
std::vector<segments::SegmentMember> previewSegment(const RequestContext& ctx, DataStore& store,
                                                    const std::string& name, int limit);
std::vector<segments::SegmentMember> previewRule(const RequestContext& ctx, DataStore& store,
                                                 const std::string& ruleJson, int limit);

/// Writes the segment's members (card_no, name, phone, email, tier, points; by id) as CSV to `target`
/// through a temporary renamed into place (domain/safe_output.h): a directory, a symlink, another
/// non-regular file or one of `protectedPaths` (the database's files) is refused with UserError
/// "file.unsafe_target". Returns the number of members written. Throws "segment.unknown".
std::uint64_t exportSegment(const RequestContext& ctx, DataStore& store, const std::string& name,
                            const std::filesystem::path& target,
                            const std::vector<std::filesystem::path>& protectedPaths);

/// Stores the members the segment's rule selects now as its snapshot (replacing an earlier one); from
/// then on count and export read the snapshot. Audited; event segment_frozen. Returns the snapshot's
/// size. Throws "segment.unknown".
std::int64_t freezeSegment(const RequestContext& ctx, DataStore& store, const std::string& name);

} // namespace md::app
