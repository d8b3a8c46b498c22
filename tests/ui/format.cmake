dimotray_add_test(NAME tst_uiformat SOURCES tst_uiformat.cpp LIBS dimotray::ui LABELS unit)
