# Packages (docs/install.md), from the build folder:
#   cpack -G DEB  ->  seloste_VERSION_amd64.deb   (installs into /usr)
#   cpack -G TGZ  ->  seloste-VERSION-Linux.tar.gz (relocatable: bin/seloste finds ../lib)
# Both hold the CLI, libseloste.so and libseloste.a, the headers, the CMake package,
# the C ABI (libseloste_c.so, seloste_c.h), the themes and standard texts
# (share/seloste/) and the licence (share/doc/seloste/copyright).
set(SELOSTE_HOMEPAGE "https://seloste.fi" CACHE STRING "The project's home page, in the packages")
set(SELOSTE_MAINTAINER "Seloste developers <dev@seloste.fi>" CACHE STRING "The packages' maintainer")

# The licence as Debian wants it: a machine-readable copyright file holding the text.
set(_seloste_licence_files "")
foreach(f LICENSE NOTICE)
  if(EXISTS ${PROJECT_SOURCE_DIR}/${f})
    list(APPEND _seloste_licence_files ${PROJECT_SOURCE_DIR}/${f})
  endif()
endforeach()
if(EXISTS ${PROJECT_SOURCE_DIR}/LICENSE)
  file(READ ${PROJECT_SOURCE_DIR}/LICENSE _seloste_licence)
  string(REGEX REPLACE "\n+$" "" _seloste_licence "${_seloste_licence}")
  # Debian's copyright format: every line of the text indented, empty lines as " .".
  string(REGEX REPLACE "\n\n" "\n.\n" _seloste_licence "${_seloste_licence}")
  string(REGEX REPLACE "\n\n" "\n.\n" _seloste_licence "${_seloste_licence}")
  string(REPLACE "\n" "\n " _seloste_licence "${_seloste_licence}")
  file(WRITE ${PROJECT_BINARY_DIR}/copyright
"Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: seloste
Source: ${SELOSTE_HOMEPAGE}
Comment: The WordPress plugin (plugin/wordpress) is not in this package. Data carried
 from elsewhere (core/data, installed under share/seloste/data) is listed in NOTICE,
 installed next to this file.

Files: *
Copyright: Seloste developers
License: MIT
 ${_seloste_licence}
")
  install(FILES ${PROJECT_BINARY_DIR}/copyright ${_seloste_licence_files} DESTINATION ${CMAKE_INSTALL_DOCDIR})
  set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
else()
  message(WARNING "No LICENSE at the root of the source tree: the packages carry no copyright file")
endif()

set(CPACK_PACKAGE_NAME seloste)
set(CPACK_PACKAGE_VENDOR "Seloste developers")
set(CPACK_PACKAGE_CONTACT "${SELOSTE_MAINTAINER}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${SELOSTE_HOMEPAGE}")
set(CPACK_GENERATOR DEB TGZ)
set(CPACK_SOURCE_GENERATOR "")
set(CPACK_STRIP_FILES ON)

# Debian: seloste_VERSION_amd64.deb, Depends computed by dpkg-shlibdeps.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${SELOSTE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${SELOSTE_HOMEPAGE}")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Seloste checks and renders privacy notices (GDPR Art. 13/14; the
Finnish tietosuojaseloste) from one XML source per organisation or group, in
Finnish, Swedish and English, as accessible HTML pages, fragments and signed
static-site bundles.
.
This package holds the seloste command-line tool, the C++ library (shared and
static, with headers and a CMake package), the C ABI libseloste_c, the built-in
themes and the standard texts.")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# shlibs for libseloste.so.0 and libseloste_c.so.0, and the ldconfig trigger.
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
# Spelling (check) opens Voikko and Hunspell at run time; the static library and the
# CMake package need the dependencies' development files.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libvoikko1, voikko-fi, libhunspell-1.7-0, hunspell-sv, hunspell-en-gb | hunspell-en-us")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "libicu-dev, libtinyxml2-dev, nlohmann-json3-dev, libsodium-dev, libgumbo-dev, pkg-config, cmake")

include(CPack)
