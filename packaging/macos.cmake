# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
#
# macOS: "DIMO Tray.app" in a DMG (included from packaging/CMakeLists.txt). NOT built or tested by
# this project's CI on Linux; the macOS job of .github/workflows/ci.yml exercises it.
#   Contents/MacOS/DIMO Tray        the tray app (LSUIElement: menu bar only, no Dock icon)
#   Contents/MacOS/mcp-dimo         the shim Claude Desktop starts (it finds "DIMO Tray" beside itself)
#   Contents/MacOS/dimo-tray-login  the Login with DIMO web view (if built)
#   Contents/Frameworks, PlugIns    Qt, deployed by macdeployqt at install time
# Signing and notarization happen after `cpack` (packaging/README.md).
set(app_name "${DIMOTRAY_DISPLAY_NAME}")
set(app_bundle "${app_name}.app")

set_target_properties(dimo-tray PROPERTIES
    MACOSX_BUNDLE TRUE
    OUTPUT_NAME "${app_name}"
    MACOSX_BUNDLE_INFO_PLIST ${CMAKE_CURRENT_SOURCE_DIR}/macos/Info.plist.in
    MACOSX_BUNDLE_BUNDLE_NAME "${app_name}"
    MACOSX_BUNDLE_GUI_IDENTIFIER "${DIMOTRAY_APP_ID}"
    MACOSX_BUNDLE_BUNDLE_VERSION "${DIMOTRAY_VERSION}"
    MACOSX_BUNDLE_SHORT_VERSION_STRING "${DIMOTRAY_VERSION}"
    MACOSX_BUNDLE_COPYRIGHT "${DIMOTRAY_VENDOR}"
    MACOSX_BUNDLE_ICON_FILE "")

install(TARGETS dimo-tray BUNDLE DESTINATION .)
install(TARGETS mcp-dimo RUNTIME DESTINATION "${app_bundle}/Contents/MacOS")
# Quoted: the bundle's name has a space.
set(deploy_extra "\"-executable=\${CMAKE_INSTALL_PREFIX}/${app_bundle}/Contents/MacOS/mcp-dimo\"")
install(TARGETS dimo-tray-login RUNTIME DESTINATION "${app_bundle}/Contents/MacOS")
string(APPEND deploy_extra " \"-executable=\${CMAKE_INSTALL_PREFIX}/${app_bundle}/Contents/MacOS/dimo-tray-login\"")
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION "${app_bundle}/Contents/Resources")

# macdeployqt copies Qt's frameworks and plugins into the bundle and rewrites the install names of
# all three executables (-executable=), so the shim and the login helper share the app's Qt.
if(NOT TARGET Qt6::macdeployqt)
    message(FATAL_ERROR "macdeployqt not found: the bundle would not carry Qt. Install Qt's tools "
        "(the qttools module of the Qt you build against) or point CMAKE_PREFIX_PATH at a Qt that has them.")
endif()
install(CODE "
    execute_process(COMMAND \"$<TARGET_FILE:Qt6::macdeployqt>\" \"\${CMAKE_INSTALL_PREFIX}/${app_bundle}\"
        ${deploy_extra} -always-overwrite COMMAND_ERROR_IS_FATAL ANY)")

set(CPACK_GENERATOR DragNDrop)
set(CPACK_DMG_VOLUME_NAME "${app_name}")
set(CPACK_DMG_FORMAT UDZO)
set(CPACK_PACKAGE_FILE_NAME "dimo-tray-${DIMOTRAY_VERSION}-macos")
