# vs_add_test(<name> SOURCES ... [LIBS ...] [LABELS ...] [ENV K=V ...] [FIXTURES ...] [TIMEOUT s])
# One executable per test file, registered with CTest. Qt Test treats argv as test function
# names, so data reaches a test through the environment (ENV), never through arguments.
function(vs_add_test name)
  cmake_parse_arguments(T "" "TIMEOUT" "SOURCES;LIBS;LABELS;ENV;FIXTURES" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE Qt6::Test vs_warnings ${T_LIBS})
  target_compile_definitions(${name} PRIVATE
    VS_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
    VS_BINARY_DIR="${PROJECT_BINARY_DIR}")
  add_test(NAME ${name} COMMAND ${name})
  set(env "QT_QPA_PLATFORM=offscreen" "QT_MEDIA_BACKEND=ffmpeg"
          "VS_TEST_TMP=${CMAKE_CURRENT_BINARY_DIR}/${name}.tmp" ${T_ENV})
  set_tests_properties(${name} PROPERTIES ENVIRONMENT "${env}")
  if(T_LABELS)
    set_tests_properties(${name} PROPERTIES LABELS "${T_LABELS}")
  endif()
  if(T_FIXTURES)
    set_tests_properties(${name} PROPERTIES FIXTURES_REQUIRED "${T_FIXTURES}")
  endif()
  if(T_TIMEOUT)
    set_tests_properties(${name} PROPERTIES TIMEOUT ${T_TIMEOUT})
  endif()
endfunction()

# vs_add_bench(<name> SOURCES ... [LIBS ...]): a benchmark program (prints a table, never asserts
# on time). Built only with VS_BUILD_BENCH; run by hand or by the `bench` target.
function(vs_add_bench name)
  if(NOT VS_BUILD_BENCH)
    return()
  endif()
  cmake_parse_arguments(B "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${B_SOURCES})
  target_link_libraries(${name} PRIVATE vs_warnings ${B_LIBS})
  target_compile_definitions(${name} PRIVATE
    VS_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
    VS_BINARY_DIR="${PROJECT_BINARY_DIR}")
endfunction()
