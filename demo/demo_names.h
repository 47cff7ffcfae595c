#pragma once
// Reference tables for the demo generator: surnames with their frequency in China, given-name
// characters, Western names, stores, categories, email domains. Internal to domain/demo_generator.cpp.
#include <cstdint>
#include <span>
#include <string_view>

namespace md::demo {

/// A Chinese name part with its pinyin (for emails and Latin spellings) and a relative weight.
struct NamePart {
    std::string_view hanzi;
    std::string_view pinyin;
    std::uint32_t weight;
};

struct StoreSeed {
    std::string_view code;
    std::string_view name;
    std::string_view city;
    std::uint32_t weight; ///< relative share of members who call it their home store
};

struct CategorySeed {
    std::string_view name;
    std::uint32_t weight; ///< share of purchases
    double priceFactor;   ///< order value relative to the member's average
};

struct EmailDomain {
    std::string_view domain;
    std::uint32_t chineseWeight; ///< for members with Chinese names
    std::uint32_t latinWeight;   ///< for members with Latin names
};

std::span<const NamePart> surnames(); ///< ~100 most common, weights per 10,000 people
std::span<const NamePart> femaleGivenChars();
std::span<const NamePart> maleGivenChars();
std::span<const std::string_view> westernFemaleNames();
std::span<const std::string_view> westernMaleNames();
std::span<const std::string_view> westernSurnames();
/// Stores in the order they are opened: with fewer stores than the table, every city still appears.
std::span<const StoreSeed> storeSeeds();
std::span<const CategorySeed> categories();
std::span<const EmailDomain> emailDomains();

/// The leading part of a CN mobile number (3 digits), drawn from the real carrier ranges.
std::span<const std::uint16_t> mobilePrefixes();

} // namespace md::demo
