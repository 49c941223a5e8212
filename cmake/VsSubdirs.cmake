# vs_add_subdirs(): add every immediate subdirectory that has a CMakeLists.txt, in name order.
# Components own their own CMakeLists.txt; parents never need editing when one is added.
macro(vs_add_subdirs)
  file(GLOB _vs_children LIST_DIRECTORIES true RELATIVE ${CMAKE_CURRENT_SOURCE_DIR} ${CMAKE_CURRENT_SOURCE_DIR}/*)
  list(SORT _vs_children)
  foreach(_vs_child IN LISTS _vs_children)
    if(IS_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}/${_vs_child} AND EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/${_vs_child}/CMakeLists.txt)
      add_subdirectory(${_vs_child})
    endif()
  endforeach()
endmacro()
