#ifndef CLIBFUZZER_H
#define CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt, LLVM 11 and later); linked in by -sanitize=fuzzer.
int LLVMFuzzerRunDriver(int *argc, char ***argv,
                        int (*UserCb)(const uint8_t *Data, size_t Size));

/// The fuzz target, defined in Swift with @_cdecl.
int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size);

#endif
