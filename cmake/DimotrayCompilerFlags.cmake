# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
#
# dimotray_target_defaults(<target>): the warning set every first-party target gets.

function(dimotray_target_defaults target)
    if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
        target_compile_options(${target} PRIVATE
            -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
            -Woverloaded-virtual -Wcast-align -Wformat=2)
        if(DIMOTRAY_WERROR)
            target_compile_options(${target} PRIVATE -Werror)
        endif()
        if(DIMOTRAY_ASAN)
            target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer)
            target_link_options(${target} PRIVATE -fsanitize=address,undefined)
        endif()
    elseif(MSVC)
        target_compile_options(${target} PRIVATE /W4 /permissive- /utf-8)
        if(DIMOTRAY_WERROR)
            target_compile_options(${target} PRIVATE /WX)
        endif()
    endif()
endfunction()
