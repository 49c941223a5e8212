#pragma once
// The vscore-worker protocol: JSON Lines over stdin/stdout (see ARCHITECTURE.md).
//
//   request   {"id": 7, "method": "score", "params": {...}}
//   events    {"id": 7, "event": "progress", ...}            zero or more
//   reply     {"id": 7, "result": {...}}                      exactly one of these two
//             {"id": 7, "error": {"code": "...", "message": "..."}}
//
// Logs go to stderr, never stdout. A line that is not JSON is answered with "id": null.
//
// Methods (params -> result; errors each can return):
//   hello    {} -> {name, version, protocol, engine (bool), devices [..], model (loaded or null)}
//   ping     {delay_ms?} -> {pong: true}; progress every 50 ms; cancelled
//            (a liveness probe that also exercises the job thread)
//   load     {model: DIR, device: "cpu"|"cuda", dtype: "f32"|"bf16"|"f16"}
//            -> {model, device, dtype, parameters, layout, load_ms}
//            bad_model, unavailable, out_of_memory, invalid_request
//   score    {video, prompt, template?: NAME | {name, text}, greedy? | temperature + seed,
//             max_new_tokens?, fps?, constrained?, top_logprobs?: K, digit_logprobs?: bool}
//            instead of video: frames {path, count, height, width}, a raw RGB24 file of frames
//            already sampled and resized (vscore serve); they are patchified as sampled ones
//            top_logprobs K >= 0 adds logprobs [{id, logprob, top [[id, logprob], ...]}] per
//            generated step (float32 log-softmax, -inf as -9999); digit_logprobs adds "1".."5"
//            to every top list
//            events {stage: "sampling"|"prefill"|"generating", tokens, text}
//            -> {text, scores{visual,t2v,phy}, soft_scores{…}, parsed, constrained,
//                prompt_tokens, generated_tokens, sampler{nframes, grid_thw, …}, settings{…},
//                timings{…}}
//            no_model, bad_video, cancelled, out_of_memory, invalid_request
//            (sampler.prefetched: the sample came from a prefetch)
//   prefetch {video, fps?} -> {prefetching: bool (false before a load)}; a hint that a score
//            of this video comes next: the worker samples it on its own thread meanwhile, and
//            score takes that sample (a failed prefetch is dropped; score reports the error)
//            invalid_request
//   cancel   {id} -> {cancelled: bool, state: "running"|"queued"|"unknown"}; the cancelled
//            request itself ends with the error "cancelled"
//   shutdown {} -> {}; queued and running jobs end with "cancelled"; the process exits 0.
//   End of input: queued jobs still run, then the process exits 0.
// load, score and ping run one at a time in arrival order; the others answer at once.
namespace vs::worker {

// Error codes, next to the calls that return them.
inline constexpr const char* kErrParse = "parse_error";               // line is not JSON (id null)
inline constexpr const char* kErrInvalidRequest = "invalid_request";  // no method / bad params
inline constexpr const char* kErrUnknownMethod = "unknown_method";
inline constexpr const char* kErrNoModel = "no_model";     // score before a successful load
inline constexpr const char* kErrBadModel = "bad_model";   // load: damaged or missing checkpoint
inline constexpr const char* kErrBadVideo = "bad_video";   // score: unreadable or too short
inline constexpr const char* kErrCancelled = "cancelled";  // score: cancel {id} arrived
inline constexpr const char* kErrOutOfMemory = "out_of_memory";
inline constexpr const char* kErrUnavailable = "unavailable";  // built without the engine
inline constexpr const char* kErrInternal = "internal";

inline constexpr int kProtocolVersion = 1;

}  // namespace vs::worker
