#pragma once
// The vscore-worker protocol: JSON Lines over stdin/stdout (see ARCHITECTURE.md).
//
//   request   {"id": 7, "method": "score", "params": {...}}
//   events    {"id": 7, "event": "progress", ...}            zero or more
//   reply     {"id": 7, "result": {...}}                      exactly one of these two
//             {"id": 7, "error": {"code": "...", "message": "..."}}
//
// Logs go to stderr, never stdout.
namespace vs::worker {

// Error codes, next to the calls that return them.
inline constexpr const char* kErrParse = "parse_error";            // line is not JSON (id null)
inline constexpr const char* kErrInvalidRequest = "invalid_request";  // no method / bad params
inline constexpr const char* kErrUnknownMethod = "unknown_method";
inline constexpr const char* kErrNoModel = "no_model";        // score before a successful load
inline constexpr const char* kErrBadModel = "bad_model";      // load: damaged or missing checkpoint
inline constexpr const char* kErrBadVideo = "bad_video";      // score: unreadable or too short
inline constexpr const char* kErrCancelled = "cancelled";     // score: cancel {id} arrived
inline constexpr const char* kErrOutOfMemory = "out_of_memory";
inline constexpr const char* kErrUnavailable = "unavailable";  // built without the engine
inline constexpr const char* kErrInternal = "internal";

inline constexpr int kProtocolVersion = 1;

}  // namespace vs::worker
