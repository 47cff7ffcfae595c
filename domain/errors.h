#pragma once
// Typed failures that cross layers. The domain returns codes; gui/ translates headlines.
#include <cstdint>
#include <stdexcept>
#include <string>

namespace md {

/// Base of our exceptions: what() is a headline a person can act on, detail() the technical cause.
class MemberDeskError : public std::runtime_error {
public:
    MemberDeskError(const std::string& headline, std::string detail = {})
        : std::runtime_error(headline), m_detail(std::move(detail)) {}
    const std::string& detail() const { return m_detail; }

private:
    std::string m_detail;
};

/// The database could not be reached or the connection was lost.
class DatabaseUnavailable : public MemberDeskError {
    using MemberDeskError::MemberDeskError;
};

/// Any other database failure (constraint, syntax, I/O, disk full).
class DatabaseError : public MemberDeskError {
    using MemberDeskError::MemberDeskError;
};

/// The database was written by a newer MemberDesk; we refuse to touch it.
class SchemaTooNew : public MemberDeskError {
public:
    SchemaTooNew(int found, int supported);
    int found() const { return m_found; }
    int supported() const { return m_supported; }

private:
    int m_found, m_supported;
};

/// Saving a member that someone else changed since it was read.
class ConflictError : public MemberDeskError {
public:
    ConflictError(std::string cardNo, std::int64_t yourVersion, std::int64_t currentVersion);
    const std::string& cardNo() const { return m_card; }
    std::int64_t yourVersion() const { return m_yours; }
    std::int64_t currentVersion() const { return m_current; }

private:
    std::string m_card;
    std::int64_t m_yours, m_current;
};

/// The member does not exist (any more).
class NotFound : public MemberDeskError {
    using MemberDeskError::MemberDeskError;
};

/// A long operation was cancelled by the user; everything it did was rolled back.
class Cancelled : public MemberDeskError {
    using MemberDeskError::MemberDeskError;
};

} // namespace md
