# Warnings for our own targets only (third-party headers stay quiet as system includes).
add_library(vs_warnings INTERFACE)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(vs_warnings INTERFACE -Wall -Wextra -Wshadow=local -Wnon-virtual-dtor
    -Wno-unused-parameter)
endif()
