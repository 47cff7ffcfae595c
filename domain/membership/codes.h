#pragma once
// Codes people read aloud and type: referral codes and voucher codes. Drawn from the operating
// system's CSPRNG (getrandom(2), else /dev/urandom), written in an alphabet without look-alikes
// (no 0/O, 1/I/L, 2/Z, 5/S, 6/G, 8/B, U/V), 21 symbols: 4.39 bits each. Uniqueness is the database's unique
// constraint; callers draw again on a collision.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace md::membership {

inline constexpr std::string_view kCodeAlphabet = "ACDEFHJKMNPQRTWXY3479";

/// Fills `n` bytes from the OS CSPRNG. Throws std::runtime_error if none can be read.
std::vector<std::uint8_t> secureRandomBytes(std::size_t n);

/// A code of `length` symbols, uniform over the alphabet (rejection sampling, no modulo bias).
std::string randomCode(std::size_t length);

/// Voucher codes: 15 symbols (65.9 bits, so guessing one among millions stays hopeless), shown as
/// "XXXXX-XXXXX-XXXXX"; referral codes: 8 symbols (35.1 bits; unique among members, not secret).
inline constexpr std::size_t kVoucherCodeLength = 15;
inline constexpr std::size_t kReferralCodeLength = 8;
std::string newVoucherCode();
std::string newReferralCode();

/// What a person typed, as stored: upper case, separators (space, '-') removed. Empty when a character
/// is outside the alphabet (a look-alike such as O or 1 is refused rather than guessed).
std::string normaliseCode(std::string_view typed);
/// "XXXXX-XXXXX-XXXXX" for a voucher code; other lengths unchanged.
std::string displayCode(const std::string& code);

} // namespace md::membership
