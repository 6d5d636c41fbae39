import "@plugboard/sdk";
