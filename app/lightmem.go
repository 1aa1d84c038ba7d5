package app

// lightmem shortens Fyne's cache and, on Linux, lets freed textures go
// back to the system; it must initialise before Fyne does.
import _ "github.com/spbe-mandiri/spbe-mandiri/app/internal/lightmem"
