dimotray_add_test(NAME tst_uitraystate SOURCES tst_uitraystate.cpp LIBS dimotray::ui LABELS gui)
