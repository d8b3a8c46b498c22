# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
#
# Linux: install rules for /usr and the Debian package (included from packaging/CMakeLists.txt).
# The test `packaging_deb` (tests/packaging/) builds this package, installs it with apt-get, runs the
# installed binaries against the DIMO simulator and removes it again.

install(TARGETS dimo-tray mcp-dimo RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The Login with DIMO web view runs in its own process; users never start it, so it is not on PATH.
install(TARGETS dimo-tray-login RUNTIME DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/dimo-tray)

set(share ${CMAKE_INSTALL_DATADIR})
install(FILES linux/${DIMOTRAY_APP_ID}.desktop DESTINATION ${share}/applications)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/linux/${DIMOTRAY_APP_ID}.metainfo.xml DESTINATION ${share}/metainfo)
# "Start at login" copies this file to ~/.config/autostart/dimo-tray.desktop (app/tray/clients/).
install(FILES linux/dimo-tray-autostart.desktop DESTINATION ${share}/dimo-tray/autostart RENAME dimo-tray.desktop)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/dimo-tray.svg DESTINATION ${share}/icons/hicolor/scalable/apps)
if(RSVG_CONVERT)
    foreach(size ${DIMOTRAY_ICON_SIZES})
        install(FILES ${CMAKE_CURRENT_BINARY_DIR}/icons/${size}x${size}/dimo-tray.png
                DESTINATION ${share}/icons/hicolor/${size}x${size}/apps)
    endforeach()
endif()
install(DIRECTORY clients/ DESTINATION ${share}/dimo-tray/clients)
if(man_gz)
    install(FILES ${man_gz} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()
# Debian keeps the license as /usr/share/doc/<package>/copyright.
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${share}/doc/dimo-tray RENAME copyright)

set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${DIMOTRAY_HOMEPAGE}")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
# Depends: dpkg-shlibdeps (dpkg-dev) computes the linked libraries (Qt, QtKeychain, secp256k1,
# OpenSSL; for the login helper also QtWebEngine and libqt6webenginecore6-bin, the package of
# QtWebEngineProcess, which Debian's shlibs file names). By hand: QtKeychain dlopens libsecret, so
# shlibdeps cannot see it.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libsecret-1-0")
# A Secret Service provider for the keychain; the platform theme plugins for a native look.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager | keepassxc, qt6-qpa-plugins")
