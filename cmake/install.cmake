# Installs the library as a CMake package: find_package(izin CONFIG), target izin::izin.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS izin izin_dsl izin_stores izin_sqlite izin_postgres izin_engine EXPORT izinTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/izin
                  ${PROJECT_SOURCE_DIR}/engine/include/izin
                  ${PROJECT_SOURCE_DIR}/stores/sqlite/include/izin
                  ${PROJECT_SOURCE_DIR}/stores/postgres/include/izin
                  ${PROJECT_SOURCE_DIR}/stores/include/izin
                  ${PROJECT_SOURCE_DIR}/dsl/include/izin
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT izinTargets NAMESPACE izin:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/izin)

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/izinConfig.cmake.in
  ${PROJECT_BINARY_DIR}/izinConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/izin)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/izinConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/izinConfig.cmake ${PROJECT_BINARY_DIR}/izinConfigVersion.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/izin)
