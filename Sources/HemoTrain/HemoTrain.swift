// The HemoTrain module; see ARCHITECTURE.md. Files are added by the issues that build it.
