# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
target_sources(dimotray_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/naturalsort.cpp
    ${CMAKE_CURRENT_LIST_DIR}/naturalsort.h
    ${CMAKE_CURRENT_LIST_DIR}/vehiclesignals.cpp
    ${CMAKE_CURRENT_LIST_DIR}/vehiclesignals.h
    ${CMAKE_CURRENT_LIST_DIR}/vehicletext.cpp
    ${CMAKE_CURRENT_LIST_DIR}/vehicletext.h
    ${CMAKE_CURRENT_LIST_DIR}/vehiclelistmodel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/vehiclelistmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/vehicleswindow.cpp
    ${CMAKE_CURRENT_LIST_DIR}/vehicleswindow.h)
